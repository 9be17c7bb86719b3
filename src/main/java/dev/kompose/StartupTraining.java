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
 * listings, except with {@code work}: then also real database commands and status on a stack of its
 * own whose server is not there (a psql is started and refused, {@code docker ps} asked). Used by the
 * launcher and the .deb build, never by operators.
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=F -cp kompose.jar dev.kompose.StartupTraining ROOT [shell|work]}
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: StartupTraining ROOT [shell|work]");
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
        if (args.length > 1 && "work".equals(args[1])) {
            trainWork(cache, environment);
        }
        System.setOut(realOut);
        System.setErr(realErr);
        int status = args.length > 1 && "shell".equals(args[1])
                ? Main.run(new String[] {"--root", root, "shell"}, environment) : 0;
        deleteQuietly(cache);
        System.exit(status);
    }

    /**
     * Real runs, not dry runs: exports (one with JSON progress), an import, a cleanup and status of a
     * stack whose PostgreSQL is on a port where nothing listens, so the tool check starts a real psql, is
     * refused, and the run is journalled — the process, journal and lock classes of every real database
     * command are archived.
     */
    private static void trainWork(Path cache, Map<String, String> environment) {
        try {
            Path stack = Files.createDirectories(cache.resolve("stacks/app"));
            Files.writeString(stack.resolve("compose.yaml"), "services:\n  db:\n    image: postgres:17\n");
            Files.writeString(stack.resolve(".env"), "DB_HOST=127.0.0.1\nDB_PORT=1\nDB_NAME=app\nDB_USER=app\n"
                    + "DB_PASSWORD=training\nDB_CLIENT=host\n");
            Files.writeString(stack.resolve("app_20250101_000000.sql"), "SELECT 1;\n-- PostgreSQL database dump complete\n");
            environment.put("XDG_STATE_HOME", cache.resolve("state").toString());
            String root = cache.resolve("stacks").toString();
            for (List<String> command : List.of(
                    List.of("--root", root, "-y", "app", "db:export"),
                    List.of("--root", root, "-y", "app", "db:import"),
                    List.of("--root", root, "-y", "app", "db:cleanup", "--keep", "1"),
                    List.of("--root", root, "--progress", "json", "-y", "app", "db:export"),
                    List.of("--root", root, "app", "status"))) {
                Main.run(command.toArray(String[]::new), environment);
            }
        } catch (IOException noTrainingStack) {
            // the archive holds less
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder left behind
        }
    }
}
