package dev.kompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ./kompose started as a new user would: through a symlink in another folder on the
 * PATH, from yet another working folder. It runs in a copy of the checkout whose target/kompose.jar
 * is a manifest-only jar onto the test class path (so no Maven build runs inside the test).
 */
class LauncherSymlinkTest {
    @TempDir
    Path temp;
    Path checkout;
    Path bin;
    Path elsewhere;
    Path stacks;

    @BeforeEach
    void setUp() throws IOException {
        checkout = Files.createDirectories(temp.resolve("checkout"));
        bin = Files.createDirectories(temp.resolve("home/.local/bin"));
        elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        stacks = Files.createDirectories(temp.resolve("stacks/alpha"));
        Files.writeString(stacks.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");

        Path launcher = checkout.resolve("kompose");
        Files.copy(Path.of("kompose"), launcher);
        Files.copy(Path.of("launcher/utf8-locale.sh"), Files.createDirectories(checkout.resolve("launcher")).resolve("utf8-locale.sh"));
        assertTrue(launcher.toFile().setExecutable(true));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
        Files.setLastModifiedTime(checkout.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3600)));
        writeClassPathJar(Files.createDirectories(checkout.resolve("target")).resolve("kompose.jar"));
    }

    @Test
    void runsThroughASymlinkOnThePathFromAnotherFolder() throws Exception {
        Files.createSymbolicLink(bin.resolve("kompose"), checkout.resolve("kompose"));

        Result version = run("kompose", "--version");
        assertEquals(0, version.exitCode, version.toString());
        assertTrue(version.out.strip().matches("kompose \\d+\\.\\d+\\.\\d+.*"), version.toString());
        assertFalse(version.err.contains("building"), "the jar is fresh: no Maven run\n" + version);

        Result list = run("kompose", "-C", stacks.getParent().toString(), "--list");
        assertEquals(0, list.exitCode, list.toString());
        assertTrue(list.out.contains("alpha"), list.toString());
    }

    @Test
    void followsAChainOfRelativeSymlinks() throws Exception {
        Path links = Files.createDirectories(temp.resolve("links"));
        Files.createSymbolicLink(links.resolve("kompose-real"), Path.of("../checkout/kompose"));
        Files.createSymbolicLink(bin.resolve("kompose"), Path.of("../../../links/kompose-real"));

        Result version = run("kompose", "--version");
        assertEquals(0, version.exitCode, version.toString());
        assertTrue(version.out.startsWith("kompose "), version.toString());
    }

    /** target/kompose.jar: no classes, only a manifest naming Main and the test class path. */
    private static void writeClassPathJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, "dev.kompose.Main");
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        attributes.put(Attributes.Name.CLASS_PATH, String.join(" ", entries));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(file, manifest)) {
            // the manifest is the whole jar
        }
    }

    /** Runs the command as a shell would: looked up on the PATH given to the child. */
    private Result run(String... command) throws IOException, InterruptedException {
        List<String> shell = new ArrayList<>(List.of("bash", "-c", "exec \"$@\"", "bash"));
        shell.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(shell).directory(elsewhere.toFile());
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("HOME", temp.resolve("home").toString());
        builder.environment().put("KOMPOSE_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("KOMPOSE_ROOT");
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
