package dev.kompose.e2e;

import dev.kompose.testing.KomposeProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A stacks root for the e2e suite, copied from src/test/resources/e2e/stacks: {@code news} (the
 * seed's Directus scenario: db + api + hooks.sh), {@code blog} (a second database stack) and
 * {@code proxy} (plain). Each stack's .env is written here: a loopback port chosen free now, a
 * password with a space and a '#', and a compose project name that carries the flavour, so a v1
 * and a v2 run never share containers. news says DB_HOST=db (the tools run in its db container),
 * blog DB_HOST=127.0.0.1 (the host's tools through the published port).
 */
public final class E2eStacks {
    public static final List<String> STACKS = List.of("blog", "news", "proxy");
    public static final String PASSWORD = "e2e secret#pw";

    private final Path root;
    private final DockerEngine docker;
    private final ComposeFlavour flavour;
    private final Map<String, Integer> ports;

    private E2eStacks(Path root, DockerEngine docker, ComposeFlavour flavour, Map<String, Integer> ports) {
        this.root = root;
        this.docker = docker;
        this.flavour = flavour;
        this.ports = ports;
    }

    /** Copies the stacks into root (an empty folder) and writes their .env files. */
    public static E2eStacks create(Path root, DockerEngine docker, ComposeFlavour flavour) throws IOException {
        copyTree(resourceFolder(), root);
        Files.setPosixFilePermissions(root.resolve("news/api/directus"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, Integer> ports = Map.of("news", freePort(), "blog", freePort());
        E2eStacks stacks = new E2eStacks(root, docker, flavour, ports);
        for (String stack : STACKS) {
            StringBuilder env = new StringBuilder("# written by the e2e test\n");
            env.append("COMPOSE_PROJECT_NAME=").append(stacks.project(stack)).append('\n');
            if (ports.containsKey(stack)) {
                env.append("DB_NAME=").append(stack.equals("news") ? "directus" : "blog").append('\n')
                        .append("DB_USER=").append(stack).append("_owner\n")
                        .append("DB_PASSWORD=\"").append(PASSWORD).append("\"\n")
                        // news as most real stacks are: the app's DB_HOST=db, so kompose runs the tools in the
                        // db container; blog reaches its published port with the host's tools
                        .append(stack.equals("news") ? "DB_HOST=db\n" : "DB_HOST=127.0.0.1\n")
                        .append("DB_PORT=").append(ports.get(stack)).append('\n');
            }
            Files.writeString(root.resolve(stack).resolve(".env"), env);
        }
        return stacks;
    }

    private static Path resourceFolder() {
        try {
            return Path.of(E2eStacks.class.getResource("/e2e/stacks").toURI());
        } catch (URISyntaxException | NullPointerException missing) {
            throw new IllegalStateException("e2e/stacks is not on the test class path", missing);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // Containers (root) and the host share these folders; keep them readable for all.
        try (Stream<Path> paths = Files.walk(to)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public Path root() {
        return root;
    }

    public Path folder(String stack) {
        return root.resolve(stack);
    }

    public ComposeFlavour flavour() {
        return flavour;
    }

    public DockerEngine docker() {
        return docker;
    }

    /** The compose project of a stack (set in its .env). */
    public String project(String stack) {
        return "kompose-e2e-" + flavour.name().toLowerCase(java.util.Locale.ROOT) + "-" + stack;
    }

    public String databaseName(String stack) {
        return stack.equals("news") ? "directus" : "blog";
    }

    public int port(String stack) {
        return ports.get(stack);
    }

    /** kompose with the private daemon's variables and this flavour's KOMPOSE_COMPOSE. */
    public KomposeProcess kompose() {
        KomposeProcess process = new KomposeProcess().timeout(Duration.ofMinutes(2)).workingDirectory(root);
        docker.environment().forEach(process::environment);
        return process.environment("KOMPOSE_COMPOSE", flavour.komposeCompose());
    }

    /** Runs kompose -C root ARGS. */
    public KomposeProcess.Result run(String... arguments) {
        List<String> all = new ArrayList<>(List.of("-C", root.toString()));
        all.addAll(List.of(arguments));
        return kompose().run(all.toArray(String[]::new));
    }

    /** Starts kompose -C root ARGS without waiting. */
    public Process start(String... arguments) throws IOException {
        List<String> all = new ArrayList<>(List.of("-C", root.toString()));
        all.addAll(List.of(arguments));
        return kompose().start(all.toArray(String[]::new));
    }

    /** Runs SQL with the host's psql through the stack's published port; returns the rows, | separated. */
    public String sql(String stack, String statements) {
        return sqlIn(stack, databaseName(stack), statements);
    }

    public String sqlIn(String stack, String database, String statements) {
        DockerEngine.Result result = psql(stack, database, statements);
        if (result.exitCode() != 0) {
            throw new AssertionError("psql on " + stack + "/" + database + " failed: " + result);
        }
        return result.out().strip();
    }

    public DockerEngine.Result psql(String stack, String database, String statements) {
        List<String> command = List.of("psql", "-X", "-h", "127.0.0.1", "-p", String.valueOf(port(stack)),
                "-U", stack + "_owner", "-d", database, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", statements);
        return DockerEngine.run(command, Map.of("PGPASSWORD", PASSWORD, "PGCONNECT_TIMEOUT", "5"), Duration.ofMinutes(2));
    }

    public boolean databaseExists(String stack, String database) {
        return sqlIn(stack, "postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'").equals("1");
    }

    /** The lines of news/schema/events.log (hooks and the directus stand-in append to it). */
    public List<String> events() {
        Path log = folder("news").resolve("schema/events.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Removes every container, volume and network of the three stacks. */
    public void removeAll() {
        for (String stack : STACKS) {
            docker.removeProject(project(stack));
        }
    }
}
