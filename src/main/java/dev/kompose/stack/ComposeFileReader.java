package dev.kompose.stack;

import dev.kompose.compose.ComposeFacts;
import dev.kompose.compose.ComposeService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a compose file into {@link ComposeFacts} with a real YAML parser (snakeyaml-engine with the
 * YAML 1.2 core schema, so {@code 5432:5432} stays text as in compose). Only the standard YAML
 * tags are constructed (never an application class; an unknown tag is a problem), aliases and
 * the size of the file are limited, and nothing here ever throws on bad input: a file that
 * cannot be read or parsed gives facts with a problem naming the file and, where the parser
 * knows it, the line.
 *
 * <p>It lives in {@code stack} rather than {@code compose} because it interpolates with
 * {@link Interpolator} and reads env files with {@link EnvFileParser}; the facts it builds stay in
 * {@code compose}, which needs nothing from {@code stack}.
 */
public final class ComposeFileReader {
    /** Larger compose files are not read at all (the biggest real ones are a few hundred KiB). */
    static final long MAXIMUM_FILE_BYTES = 4L * 1024 * 1024;
    private static final int MAXIMUM_CODE_POINTS = (int) MAXIMUM_FILE_BYTES;
    /** Anchors are common in compose files (x- extension fields); alias bombs are not. */
    private static final int MAXIMUM_ALIASES = 200;

    private ComposeFileReader() {
    }

    /**
     * Reads and parses a compose file as UTF-8.
     *
     * @param composeFile the compose file
     * @param lookup the stack's layered environment: a variable's value, or null when it is unset
     * @return the facts; problems instead of exceptions
     */
    public static ComposeFacts read(Path composeFile, Function<String, String> lookup) {
        return read(composeFile, lookup, ComposeTreeCache.none());
    }

    /**
     * As {@link #read(Path, Function)}, taking the parsed tree from memory when the file's bytes are
     * the ones it was parsed from, and remembering a tree it parses.
     */
    public static ComposeFacts read(Path composeFile, Function<String, String> lookup, ComposeTreeCache remembered) {
        String text;
        byte[] content;
        // one open and read, no separate stat: the read phase does this for every stack
        try (java.io.InputStream input = Files.newInputStream(composeFile)) {
            byte[] bytes = input.readNBytes((int) MAXIMUM_FILE_BYTES + 1);
            if (bytes.length > MAXIMUM_FILE_BYTES) {
                return ComposeFacts.unreadable(composeFile + ": larger than " + MAXIMUM_FILE_BYTES / (1024 * 1024)
                        + " MiB, not read");
            }
            Optional<Object> tree = remembered.tree(composeFile, bytes);
            if (tree.isPresent()) {
                return facts(composeFile, tree.get(), lookup);
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            content = bytes;
        } catch (NoSuchFileException missing) {
            return ComposeFacts.unreadable(composeFile + ": no such file");
        } catch (CharacterCodingException notText) {
            return ComposeFacts.unreadable(composeFile + ": not UTF-8 text");
        } catch (IOException | UncheckedIOException | SecurityException unreadable) {
            return ComposeFacts.unreadable(composeFile + ": cannot read: " + unreadable.getMessage());
        }
        return parse(composeFile, text, lookup, remembered, content);
    }

    /**
     * Parses the text of a compose file.
     *
     * @param source the file the text came from (named in problems; env_file paths are relative to its folder)
     * @param text the file's text
     * @param lookup the stack's layered environment: a variable's value, or null when it is unset
     * @return the facts; problems instead of exceptions
     */
    public static ComposeFacts parse(Path source, String text, Function<String, String> lookup) {
        return parse(source, text, lookup, ComposeTreeCache.none(), null);
    }

    /** content: the file's bytes, which remembered keeps with the tree (none() keeps nothing, so null is fine there). */
    private static ComposeFacts parse(Path source, String text, Function<String, String> lookup,
            ComposeTreeCache remembered, byte[] content) {
        Object document;
        try {
            document = loadFast(text);
        } catch (YamlEngineException | StackOverflowError invalidWithoutLine) {
            Parsing.LOADER.remove(); // a loader a failure left half-way is not used again
            return invalid(source, text);
        }
        remembered.remember(source, content, document);
        return facts(source, document, lookup);
    }

    /** The facts of a parsed compose file (document: the tree snakeyaml made of it). */
    private static ComposeFacts facts(Path source, Object document, Function<String, String> lookup) {
        if (document == null) {
            return ComposeFacts.unreadable(source + ": empty compose file");
        }
        List<String> problems = new ArrayList<>();
        ComposeServiceReader services = new ComposeServiceReader(source, lookup, problems);
        Map<String, Object> top = services.mapping(document, "the file");
        if (top == null) {
            return new ComposeFacts("", List.of(), problems);
        }
        String projectName = services.text(top.get("name"), "name");
        List<ComposeService> read = new ArrayList<>();
        Object servicesValue = top.get("services");
        Map<String, Object> serviceMap = servicesValue == null ? Map.of() : services.mapping(servicesValue, "services");
        if (serviceMap != null) {
            serviceMap.forEach((name, definition) -> services.service(name, definition).ifPresent(read::add));
        }
        return new ComposeFacts(projectName, read, problems);
    }

    /**
     * The parser's shared state, made when the first file is parsed — not when a run takes every tree
     * from {@link ComposeTreeCache} (≈ 2 ms of a listing's start in a fresh JVM).
     */
    private static final class Parsing {
        /**
         * One schema for every file: building it compiles the core schema's regular expressions, which
         * cost more than parsing a small compose file; it is only read while parsing (safe to share).
         */
        private static final CoreSchema SCHEMA = new CoreSchema();
        /**
         * Parsed first without marks (the position of every token), which the reader only needs to name
         * the line of a problem; a file that fails is parsed again with them. Both settings are shared:
         * they are immutable, and building them per file cost a thousand-stack listing ~5% of its read.
         */
        private static final LoadSettings WITHOUT_MARKS = settings(false);
        private static final LoadSettings WITH_MARKS = settings(true);
        /**
         * A loader per reading thread, used file after file: a Load builds its constructor (a table of
         * every standard tag) when made, and it is not thread-safe; the read phase reads on several threads.
         */
        private static final ThreadLocal<Load> LOADER = ThreadLocal.withInitial(() -> new Load(WITHOUT_MARKS));

        private static LoadSettings settings(boolean marks) {
            return LoadSettings.builder()
                    .setLabel("compose file")
                    .setSchema(SCHEMA)
                    .setAllowDuplicateKeys(false)
                    .setAllowRecursiveKeys(false)
                    .setMaxAliasesForCollections(MAXIMUM_ALIASES)
                    .setCodePointLimit(MAXIMUM_CODE_POINTS)
                    .setUseMarks(marks)
                    .build();
        }
    }

    private static Object loadFast(String text) {
        return Parsing.LOADER.get().loadFromString(text);
    }

    /** Facts for a file the fast parse refused: parsed again with marks, for the line of the problem. */
    private static ComposeFacts invalid(Path source, String text) {
        try {
            new Load(Parsing.WITH_MARKS).loadFromString(text);
            return ComposeFacts.unreadable(source + ": not valid YAML");
        } catch (MarkedYamlEngineException invalid) {
            return ComposeFacts.unreadable(describe(source, invalid));
        } catch (YamlEngineException invalid) {
            return ComposeFacts.unreadable(source + ": " + firstLine(invalid.getMessage()));
        } catch (StackOverflowError tooDeep) {
            return ComposeFacts.unreadable(source + ": nested too deeply to read");
        }
    }

    /** "file:line: problem" from the parser's mark (its lines count from 0). */
    private static String describe(Path source, MarkedYamlEngineException invalid) {
        String problem = invalid.getProblem() == null || invalid.getProblem().isBlank()
                ? firstLine(invalid.getContext()) : firstLine(invalid.getProblem());
        Mark mark = invalid.getProblemMark().or(invalid::getContextMark).orElse(null);
        return mark == null ? source + ": " + problem : source + ":" + (mark.getLine() + 1) + ": " + problem;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "not valid YAML";
        }
        String stripped = message.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline);
    }
}
