package dev.kompose.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real, throwaway PostgreSQL server for the tests: initdb in a temp folder and pg_ctl on a free
 * loopback port, with password authentication over TCP (so kompose's PGPASSWORD path is
 * exercised). As root (CI), it runs as the postgres user, since initdb refuses root. One server
 * per test JVM, stopped at exit.
 */
public final class PostgresServer {
    public static final String SUPERUSER = "postgres";
    public static final String PASSWORD = "pg-test-secret-4711";
    private static PostgresServer instance;

    private final Path folder;
    private final int port;
    private final String binaries;

    private PostgresServer(Path folder, int port, String binaries) {
        this.folder = folder;
        this.port = port;
        this.binaries = binaries;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /** A second server of this test's own (to stop it mid-operation, say); the caller stops it. */
    public static PostgresServer startPrivate() {
        return start();
    }

    /** A private server from other binaries (a newer major version, say); the caller stops it. */
    public static PostgresServer startPrivate(Path binaries) {
        return start(binaries.toString());
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    /** The .env lines that point a stack at this server's database. */
    public String envLines(String database) {
        return "DB_HOST=" + host() + "\nDB_PORT=" + port + "\nDB_USER=" + SUPERUSER + "\nDB_PASSWORD=" + PASSWORD
                + "\nDB_NAME=" + database + "\n";
    }

    private static PostgresServer start() {
        try {
            return start(findBinaries());
        } catch (IOException failure) {
            throw new IllegalStateException("could not start the test PostgreSQL server: " + failure.getMessage(), failure);
        }
    }

    private static PostgresServer start(String binaries) {
        try {
            Path folder = Files.createTempDirectory("kompose-pg-");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres:postgres", folder.toString()), Map.of());
            }
            Path passwordFile = folder.resolve("pwfile");
            Files.writeString(passwordFile, PASSWORD + "\n");
            if (root) {
                run(List.of("chown", "postgres:postgres", passwordFile.toString()), Map.of());
            }
            run(asServerUser(root, List.of(binaries + "/initdb", "-D", folder.resolve("data").toString(), "-U", SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-sync")), Map.of());
            run(asServerUser(root, List.of(binaries + "/pg_ctl", "-D", folder.resolve("data").toString(), "-w", "-t", "60",
                    "-l", folder.resolve("server.log").toString(), "-o",
                    "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=100",
                    "start")), Map.of());
            return new PostgresServer(folder, port, binaries);
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException("could not start the test PostgreSQL server: " + failure.getMessage(), failure);
        }
    }

    private static String findBinaries() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            throw new IOException("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)");
        }
        try (var versions = Files.list(base)) {
            return versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                    .max(Comparator.comparing(path -> Integer.parseInt(path.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(version -> version.resolve("bin").toString())
                    .orElseThrow(() -> new IOException("no initdb under /usr/lib/postgresql/*/bin"));
        }
    }

    private static List<String> asServerUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** pg_ctl stop with the given mode (smart, fast, immediate); the data folder stays for {@link #startServer()}. */
    public void stopServer(String mode) {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(asServerUser(root, List.of(binaries + "/pg_ctl", "-D", folder.resolve("data").toString(), "-m", mode,
                    "-w", "stop")), Map.of());
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Starts a server stopped with {@link #stopServer(String)} again, on the same port. */
    public void startServer() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(asServerUser(root, List.of(binaries + "/pg_ctl", "-D", folder.resolve("data").toString(), "-w", "-t", "60",
                    "-l", folder.resolve("server.log").toString(), "-o",
                    "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=100",
                    "start")), Map.of());
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    public void stop() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(asServerUser(root, List.of(binaries + "/pg_ctl", "-D", folder.resolve("data").toString(), "-m",
                    "immediate", "stop")), Map.of());
            try (var paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException | InterruptedException | IllegalStateException ignored) {
            // best effort at JVM exit
        }
    }

    /** Runs SQL with psql against database as the superuser; returns unaligned, tuples-only output. Fails on error. */
    public String sql(String database, String sql) {
        try {
            return run(List.of("psql", "-h", host(), "-p", Integer.toString(port), "-U", SUPERUSER, "-X", "-At",
                    "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql), Map.of("PGPASSWORD", PASSWORD)).strip();
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Runs a psql script file against database. */
    public String sqlFile(String database, Path script) {
        try {
            return run(List.of("psql", "-h", host(), "-p", Integer.toString(port), "-U", SUPERUSER, "-X", "-At", "-q",
                    "-v", "ON_ERROR_STOP=1", "-d", database, "-f", script.toString()), Map.of("PGPASSWORD", PASSWORD)).strip();
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    public boolean databaseExists(String name) {
        return sql("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'")
                .equals("1");
    }

    public List<String> databases() {
        return List.of(sql("postgres", "SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY 1").split("\n"));
    }

    /** Drops (if there) and creates a database; name is quoted as an identifier. */
    public void recreateDatabase(String name) {
        String identifier = "\"" + name.replace("\"", "\"\"") + "\"";
        sql("postgres", "DROP DATABASE IF EXISTS " + identifier + " WITH (FORCE)");
        sql("postgres", "CREATE DATABASE " + identifier);
    }

    public void dropDatabase(String name) {
        sql("postgres", "DROP DATABASE IF EXISTS \"" + name.replace("\"", "\"\"") + "\" WITH (FORCE)");
    }

    static String run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("command failed (" + process.exitValue() + "): " + String.join(" ", command)
                    + "\n" + text);
        }
        return text;
    }
}
