package dev.kompose;

import dev.kompose.cli.Interrupts;
import dev.kompose.compose.ComposeProbeMemory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run for the JVM's start-up archive (AppCDS on Java 17, the AOT cache on 25+): runs
 * the usual one-shot commands on a folder of stacks in one JVM, output discarded, so that every class
 * they load is archived; with {@code shell} last, then the interactive shell on this process's
 * standard input (the build feeds it keystrokes through a pseudo-terminal). Only dry runs and
 * listings: nothing is started. Used by the launcher and the .deb build, never by operators.
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=F -cp kompose.jar dev.kompose.StartupTraining ROOT [shell]}
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: StartupTraining ROOT [shell]");
            System.exit(2);
        }
        String root = args[0];
        Map<String, String> environment = new HashMap<>(System.getenv());
        // no probe of the installed compose: the answer is remembered beforehand in a cache folder of the
        // training's own, so the runs take the path of every run after the first (ComposeProbeMemory)
        environment.remove("KOMPOSE_COMPOSE");
        Path cache;
        try {
            cache = Files.createTempDirectory("kompose-training");
        } catch (IOException noTemporaryFolder) {
            throw new UncheckedIOException(noTemporaryFolder);
        }
        environment.put("XDG_CACHE_HOME", cache.toString());
        ComposeProbeMemory.of(environment).ifPresent(memory -> memory.remember(true, Instant.now()));
        Interrupts.install(System.err); // as Main does: its handlers' classes belong in the archive too
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(discard);
        System.setErr(discard);
        for (List<String> command : List.of(
                List.of("--version"),
                List.of("--help"),
                List.of("--root", root, "--list"),
                List.of("--root", root, "*", "ps", "--dry-run"),
                List.of("--root", root, "*", "db:export", "--dry-run"),
                List.of("--root", root, "*", "db:import", "--dry-run"),
                List.of("--root", root, "nosuchstack*", "ps"))) {
            Main.run(command.toArray(String[]::new), environment);
        }
        System.setOut(realOut);
        System.setErr(realErr);
        int status = args.length > 1 && "shell".equals(args[1])
                ? Main.run(new String[] {"--root", root, "shell"}, environment) : 0;
        deleteQuietly(cache);
        System.exit(status);
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder left behind
        }
    }
}
