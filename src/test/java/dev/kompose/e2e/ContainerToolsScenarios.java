package dev.kompose.e2e;

import static dev.kompose.testing.Faults.signal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database tools inside the stack's own PostgreSQL container, on the real engine: the stack
 * {@code shop} publishes no port and its .env says only DB_HOST=db; kompose takes the rest from the
 * db service's environment and env_file. Export and import in all three formats, a truncated dump,
 * the hooks' order, the clear errors before anything changes, and Ctrl-C in the middle of an export
 * and of a restore leaving no pg_dump / psql in the container and no session on the server.
 * The tests look at the database only through {@code docker exec} (there is no port to reach).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ContainerToolsScenarios {
    private static final Duration HEALTHY = Duration.ofSeconds(90);

    Path root;
    DockerEngine docker;
    String project;

    abstract ComposeFlavour flavour();

    @BeforeAll
    void createStack(@TempDir Path folder) throws Exception {
        root = folder;
        docker = DockerEngine.get();
        Path source = Path.of(ContainerToolsScenarios.class.getResource("/e2e/container-stacks").toURI());
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path target = root.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        project = "kompose-e2e-" + flavour().name().toLowerCase(java.util.Locale.ROOT) + "-shop";
        Files.writeString(root.resolve("shop/.env"), "COMPOSE_PROJECT_NAME=" + project + "\nDB_HOST=db\n");
        docker.removeProject(project);
        ok(run("shop", "up", "-d"));
        docker.awaitHealthy(project, "db", HEALTHY);
        sql("shop", "CREATE TABLE items (id int PRIMARY KEY, name text); INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 1000) g;"
                + " CREATE TABLE bulk AS SELECT g AS id, repeat(md5(g::text), 8) AS payload FROM generate_series(1, 150000) g;");
    }

    @AfterAll
    void removeStack() {
        if (docker != null) {
            docker.removeProject(project);
        }
    }

    @Test
    @Order(1)
    void exportChangeImportRestoresInEveryFormatThroughTheContainerWithHooksInOrder() throws IOException {
        for (String format : List.of("plain", "gzip", "custom")) {
            Files.deleteIfExists(root.resolve("shop/events.log"));
            KomposeProcess.Result export = ok(run("shop", "db:export", "--format", format));
            assertTrue(export.all().contains("container (DB_HOST names service db)"), export.toString());
            Path dump = newestDump();
            sql("shop", "UPDATE items SET name = 'changed' WHERE id = 7; DELETE FROM items WHERE id > 990;");
            assertEquals("changed", sql("shop", "SELECT name FROM items WHERE id = 7"));

            ok(run("-y", "shop", "db:import", dump.getFileName().toString()));

            assertEquals("item 7|1000", sql("shop", "SELECT (SELECT name FROM items WHERE id = 7), count(*) FROM items"),
                    format + ": the import brought the exported data back");
            assertEquals(List.of("pre_db_export", "post_db_export " + dump.getFileName(), "pre_db_import " + dump.getFileName(),
                    "post_db_import " + dump.getFileName()), Files.readAllLines(root.resolve("shop/events.log")), format);
            assertEquals("", sql("postgres", "SELECT string_agg(datname, ',') FROM pg_database WHERE datname LIKE 'shop\\_\\_%'"),
                    "no restore or previous database left");
            Files.delete(dump);
        }
        assertEquals(List.of(), partialFiles());
    }

    @Test
    @Order(2)
    void aTruncatedDumpLeavesTheLiveDatabaseUntouched() throws IOException {
        ok(run("shop", "db:export"));
        Path dump = newestDump();
        byte[] bytes = Files.readAllBytes(dump);
        Path truncated = root.resolve("shop/shop_20200101_000000.sql");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        sql("shop", "UPDATE items SET name = 'live' WHERE id = 1");

        KomposeProcess.Result refused = run("-y", "shop", "db:import", truncated.getFileName().toString());

        assertEquals(1, refused.exitCode(), refused.toString());
        assertEquals("live|1000", sql("shop", "SELECT (SELECT name FROM items WHERE id = 1), count(*) FROM items"));
        Files.delete(truncated);
        Files.delete(dump);
    }

    @Test
    @Order(3)
    void ctrlCDuringAContainerExportLeavesNoPgDumpNoSessionAndNoPartialDump() throws Exception {
        // a table locked by another session: pg_dump waits for it inside the container, as a slow dump would
        ContainerSession locker = new ContainerSession(container(), "BEGIN; LOCK TABLE bulk IN ACCESS EXCLUSIVE MODE;"
                + " SELECT pg_sleep(120);");
        Process kompose = null;
        try {
            kompose = start("shop", "db:export");
            CompletableFuture<String> output = drain(kompose);
            // (the snapshot session's size estimate gives up on the locked table after its lock_timeout)
            awaitSql("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'kompose-%' AND wait_event_type = 'Lock'"
                    + " AND query LIKE 'LOCK TABLE%'", "1", Duration.ofSeconds(60));
            // pg_dump waits for the lock, and so does the session counting rows in its snapshot for the manifest
            assertEquals(List.of("pg_dump", "psql"), toolsInContainer().stream().sorted().toList(),
                    "pg_dump and the counting psql run in the container");

            signal(kompose.pid(), "INT");

            assertTrue(kompose.waitFor(90, TimeUnit.SECONDS), "kompose ended after Ctrl-C");
            assertEquals(130, kompose.exitValue(), output.get());
            assertEquals("0", sql("postgres", "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'kompose-%'"),
                    "no session of kompose's tools is left on the server: " + output.get());
            assertEquals(List.of(), toolsInContainer(), "no pg_dump or psql is left running in the container");
            assertEquals(List.of(), partialFiles(), "no partial dump");
            assertEquals(List.of(), dumps(), "no dump");
        } finally {
            if (kompose != null && kompose.isAlive()) {
                kompose.destroyForcibly(); // a failed assertion must not leave it holding the stack's lock
            }
            locker.close();
        }
    }

    @Test
    @Order(4)
    void ctrlCDuringAContainerRestoreLeavesNoPsqlNoSessionAndTheLiveDatabaseIntact() throws Exception {
        ok(run("shop", "db:export"));
        Path dump = newestDump();
        // a restore that takes its time: a pause put in after the header of a real dump
        String text = Files.readString(dump);
        int afterHeader = text.indexOf("SET statement_timeout");
        Path slow = root.resolve("shop/shop_20300101_000000.sql");
        Files.writeString(slow, text.substring(0, afterHeader) + "SELECT pg_sleep(120);\n" + text.substring(afterHeader));
        Files.delete(dump);
        sql("shop", "UPDATE items SET name = 'live' WHERE id = 2");

        Process kompose = start("-y", "shop", "db:import", slow.getFileName().toString());
        CompletableFuture<String> output = drain(kompose);
        awaitSql("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'kompose-%' AND query LIKE '%pg_sleep%'",
                "1", Duration.ofSeconds(60));
        assertEquals(List.of("psql"), toolsInContainer(), "psql runs in the container");

        signal(kompose.pid(), "INT");

        if (!kompose.waitFor(90, TimeUnit.SECONDS)) {
            kompose.destroyForcibly();
            throw new AssertionError("kompose did not end after Ctrl-C: " + output.get());
        }
        assertEquals(130, kompose.exitValue(), output.get());
        assertEquals("0", sql("postgres", "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'kompose-%'"),
                "no session of kompose's tools is left: " + output.get());
        assertEquals(List.of(), toolsInContainer(), "no psql is left running in the container");
        assertEquals("live|1000", sql("shop", "SELECT (SELECT name FROM items WHERE id = 2), count(*) FROM items"));
        assertEquals("", sql("postgres", "SELECT string_agg(datname, ',') FROM pg_database WHERE datname LIKE 'shop\\_\\_%'"));
        Files.delete(slow);
    }

    @Test
    @Order(5)
    void clearErrorsBeforeAnythingChanges() throws Exception {
        Files.deleteIfExists(root.resolve("shop/events.log"));
        KomposeProcess.Result noRole = run("-e", "DB_USER=nobody_here", "shop", "db:export");
        assertEquals(1, noRole.exitCode(), noRole.toString());
        assertTrue(noRole.all().contains("the role nobody_here does not exist"), noRole.toString());

        KomposeProcess.Result noTool = run("--db-client", "container", "-e", "DB_SERVICE=web", "shop", "db:export");
        assertEquals(1, noTool.exitCode(), noTool.toString());
        assertTrue(noTool.all().contains("no psql in the image of service web"), noTool.toString());

        ok(run("shop", "stop", "db"));
        try {
            KomposeProcess.Result stopped = run("shop", "db:export");
            assertEquals(1, stopped.exitCode(), stopped.toString());
            assertTrue(stopped.all().contains("service db is not running"), stopped.toString());
        } finally {
            ok(run("shop", "start", "db"));
            docker.awaitHealthy(project, "db", HEALTHY);
        }
        assertFalse(Files.exists(root.resolve("shop/events.log")), "no hook ran");
        assertEquals(List.of(), dumps());
        assertEquals(List.of(), partialFiles());
    }

    // ---- helpers

    private KomposeProcess kompose() {
        KomposeProcess process = new KomposeProcess().timeout(Duration.ofMinutes(3)).workingDirectory(root);
        docker.environment().forEach(process::environment);
        return process.environment("KOMPOSE_COMPOSE", flavour().komposeCompose());
    }

    KomposeProcess.Result run(String... arguments) {
        List<String> all = new ArrayList<>(List.of("-C", root.toString(), "--progress", "plain"));
        all.addAll(List.of(arguments));
        return kompose().run(all.toArray(String[]::new));
    }

    private Process start(String... arguments) throws IOException {
        List<String> all = new ArrayList<>(List.of("-C", root.toString(), "--progress", "none"));
        all.addAll(List.of(arguments));
        return kompose().start(all.toArray(String[]::new));
    }

    private static KomposeProcess.Result ok(KomposeProcess.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        assertFalse(result.all().contains("shop-secret-pw"), "password leaked: " + result);
        return result;
    }

    private String container() {
        String id = docker.runningContainer(project, "db");
        assertFalse(id.isEmpty(), "db is running");
        return id;
    }

    /** psql inside the db container (there is no published port), as the owner over the local socket. */
    String sql(String database, String statements) {
        DockerEngine.Result result = docker.docker(Duration.ofMinutes(2), "exec", "-i", container(), "psql", "-X", "-U", "shop_owner",
                "-d", database, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", statements);
        if (result.exitCode() != 0) {
            throw new AssertionError("psql in the container failed: " + result);
        }
        return result.out().strip();
    }

    private void awaitSql(String query, String expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = sql("postgres", query);
            if (last.equals(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(query + " gave " + last + ", not " + expected + " within " + limit);
    }

    /** kompose's pg_dump, psql and pg_restore processes in the db container (its tools all say --no-password; the test's own do not). */
    private List<String> toolsInContainer() {
        String ps = docker.dockerOk("exec", container(), "ps", "-o", "args");
        return ps.lines().map(String::strip).filter(line -> line.contains("--no-password"))
                .map(line -> line.split("\\s+")[0].replaceAll(".*/", ""))
                .filter(name -> List.of("pg_dump", "psql", "pg_restore").contains(name)).toList();
    }

    /** Both output streams of a started kompose, read as it runs (a full pipe would stall it). */
    private static CompletableFuture<String> drain(Process process) {
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readQuietly(process.getErrorStream()));
        return CompletableFuture.supplyAsync(() -> readQuietly(process.getInputStream())).thenCombine(err, String::concat);
    }

    private static String readQuietly(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException closed) {
            return "";
        }
    }

    private List<String> dumps() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("shop"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("shop_"))
                    .filter(name -> !name.contains(".kompose-partial")).filter(name -> !name.endsWith(".manifest.json"))
                    .sorted().toList();
        }
    }

    private List<String> partialFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("shop"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.contains("partial")).toList();
        }
    }

    private Path newestDump() throws IOException {
        List<String> all = dumps();
        assertFalse(all.isEmpty(), "a dump was written");
        return root.resolve("shop").resolve(all.get(all.size() - 1));
    }

    /** A psql session in the container held open in the background (a lock, say) until closed. */
    final class ContainerSession implements AutoCloseable {
        private final Process process;

        ContainerSession(String container, String sql) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("docker", "exec", "-i", "-e", "PGAPPNAME=e2e-locker", container,
                    "psql", "-X", "-U", "shop_owner",
                    "-d", "shop", "-c", sql).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(docker.environment());
            process = builder.start();
        }

        @Override
        public void close() {
            // killing the local docker exec would not end the session in the container (the point of this class's test)
            sql("postgres", "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'e2e-locker'");
            process.destroy();
        }
    }
}
