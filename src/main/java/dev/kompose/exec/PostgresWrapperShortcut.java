package dev.kompose.exec;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs the PostgreSQL client Debian's pg_wrapper would run, without starting the wrapper: on Debian
 * and Ubuntu {@code psql}, {@code pg_dump} and the other clients on the PATH are links to
 * {@code /usr/share/postgresql-common/pg_wrapper}, a Perl script costing ≈ 30 ms a start here (a
 * db:export starts six clients, an import five). The shortcut is taken only where the wrapper's
 * choice does not depend on clusters: the command names the server with {@code --host} and no
 * {@code --cluster} — then pg_wrapper ignores PGCLUSTER, ~/.postgresqlrc and user_clusters, and runs
 * the newest {@code /usr/lib/postgresql/VERSION/bin/PROGRAM}, with PGSYSCONFDIR defaulted to
 * /etc/postgresql-common (pg_wrapper(1); its source, postgresql-common). Anything else — a client
 * not behind the wrapper, psql older than 13 (the wrapper preloads readline for it), no installed
 * version — runs as written.
 */
final class PostgresWrapperShortcut {
    static final Path WRAPPER = Path.of("/usr/share/postgresql-common/pg_wrapper");
    static final Path BINARY_ROOT = Path.of("/usr/lib/postgresql");
    private static final Pattern VERSION_FOLDER = Pattern.compile("\\d+\\.?\\d+");

    private final Path wrapper;
    private final Path binaryRoot;

    PostgresWrapperShortcut(Path wrapper, Path binaryRoot) {
        this.wrapper = wrapper;
        this.binaryRoot = binaryRoot;
    }

    static PostgresWrapperShortcut installed() {
        return new PostgresWrapperShortcut(WRAPPER, BINARY_ROOT);
    }

    /** The command with the wrapper's choice in place of its first word, or the command itself. */
    CommandSpec apply(CommandSpec command, Map<String, String> processEnvironment) {
        List<String> arguments = command.arguments();
        if (arguments.isEmpty() || arguments.get(0).contains("/") || !namesHost(arguments)) {
            return command;
        }
        String program = arguments.get(0);
        String path = command.environment().getOrDefault("PATH", processEnvironment.getOrDefault("PATH", ""));
        Optional<Path> chosen = onPath(program, path).filter(this::isWrapper).flatMap(found -> newest(program));
        if (chosen.isEmpty()) {
            return command;
        }
        List<String> direct = new ArrayList<>(arguments);
        direct.set(0, chosen.get().toString());
        Map<String, String> environment = new HashMap<>(command.environment());
        if (!processEnvironment.containsKey("PGSYSCONFDIR")) {
            environment.putIfAbsent("PGSYSCONFDIR", "/etc/postgresql-common");
        }
        return new CommandSpec(direct, environment, command.secretNames(), command.workingDirectory(),
                command.standardInput(), command.standardOutput(), command.timeout(), command.ownProcessGroup(), command.terminal());
    }

    /**
     * The arguments name the server as pg_wrapper reads them: a --host before any --, and no --cluster
     * (kompose writes --host=…; the wrapper's -h forms are not looked for, so such a command runs as written).
     */
    private static boolean namesHost(List<String> arguments) {
        boolean host = false;
        for (String argument : arguments.subList(1, arguments.size())) {
            if (argument.equals("--")) {
                break;
            }
            if (argument.startsWith("--cluster")) {
                return false;
            }
            host |= argument.equals("--host") || argument.startsWith("--host=");
        }
        return host;
    }

    private static Optional<Path> onPath(String program, String path) {
        for (String folder : path.split(":")) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private boolean isWrapper(Path found) {
        try {
            return found.toRealPath().equals(wrapper.toRealPath());
        } catch (IOException | RuntimeException unresolvable) {
            return false;
        }
    }

    /** get_newest_version: the highest numbered version folder holding an executable PROGRAM. */
    private Optional<Path> newest(String program) {
        Path best = null;
        double bestVersion = -1;
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(binaryRoot)) {
            for (Path folder : versions) {
                String name = folder.getFileName().toString();
                Path binary = folder.resolve("bin").resolve(program);
                if (VERSION_FOLDER.matcher(name).matches() && Files.isExecutable(binary)) {
                    double version = Double.parseDouble(name);
                    if (version > bestVersion) {
                        best = binary;
                        bestVersion = version;
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        if (best == null || program.equals("psql") && bestVersion < 13) {
            return Optional.empty();
        }
        return Optional.of(best);
    }
}
