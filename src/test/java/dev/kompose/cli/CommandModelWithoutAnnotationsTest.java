package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of kompose carries a picocli annotation, so none is read at run time: a cold JVM turns
 * each annotation type it reads into a dynamic proxy class, which neither AppCDS nor the JDK's AOT
 * cache archives, and reading the verbs' annotations cost db:export about 40 ms of its 130. Every
 * model is built in code ({@link CommandSpecs}); this keeps the cost from coming back unnoticed.
 */
class CommandModelWithoutAnnotationsTest {

    @Test
    void noCompiledClassOfKomposeCarriesAPicocliAnnotation() throws Exception {
        Path classes = Path.of(CommandModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> found = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes.resolve("dev/kompose"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceFirst("\\.class$", "");
                found.addAll(picocliAnnotations(Class.forName(name, false, getClass().getClassLoader())));
                checked++;
            }
        }
        assertTrue(checked > 100, "only " + checked + " classes found under " + classes);
        assertEquals(List.of(), found, "build these models in code (CommandSpecs), not from annotations");
    }

    @Test
    void theCheckSeesAnnotationsWhereTheyWould() {
        List<String> found = picocliAnnotations(Annotated.class);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).endsWith("Annotated.annotated: @picocli.CommandLine$Option"), found.toString());
    }

    /** "element: @annotation" for each picocli annotation on the class, its fields, methods, constructors or their parameters. */
    private static List<String> picocliAnnotations(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>(List.of(type));
        elements.addAll(List.of(type.getDeclaredFields()));
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
        executables.addAll(List.of(type.getDeclaredConstructors()));
        for (Executable executable : executables) {
            elements.add(executable);
            elements.addAll(List.of(executable.getParameters()));
        }
        return elements.stream().flatMap(element -> Arrays.stream(element.getDeclaredAnnotations())
                .filter(annotation -> annotation.annotationType().getName().startsWith("picocli."))
                .map(annotation -> element + ": @" + annotation.annotationType().getName())).toList();
    }

    /** What the check must catch. */
    static final class Annotated {
        @picocli.CommandLine.Option(names = "--example")
        boolean annotated;
    }
}
