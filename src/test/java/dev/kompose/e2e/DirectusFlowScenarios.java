package dev.kompose.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kompose.db.DumpFile;
import dev.kompose.db.DumpFiles;
import dev.kompose.db.SqlNames;
import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.Tmux;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * The seed's Directus flow and compose pass-through against a real Docker Engine, through the
 * real kompose command line. Subclasses pick the compose flavour. The stacks stay up between
 * tests (starting them costs seconds); each test first brings them to the state it needs, so any
 * test also runs alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DirectusFlowScenarios {
    private static final Duration HEALTHY = Duration.ofSeconds(90);
    private static final String STEP_QUESTION = dev.kompose.cli.StepThroughGate.QUESTION_START;

    Path root;
    E2eStacks stacks;
    DockerEngine docker;

    abstract ComposeFlavour flavour();

    @BeforeAll
    void createStacks(@TempDir Path folder) throws IOException {
        root = folder;
        docker = DockerEngine.get();
        stacks = E2eStacks.create(root, docker, flavour());
        stacks.removeAll();
    }

    @AfterAll
    void removeStacks() {
        if (stacks != null) {
            stacks.removeAll();
        }
    }

    @Test
    @Order(1)
    void upRunsTheHooksAroundComposeAndStartsOnlyTheSelectedStacks() {
        stacks.removeAll();

        KomposeProcess.Result up = ok(stacks.run("news,proxy", "up", "-d"));

        assertTrue(up.out().contains("run " + flavour().programText() + " up in news"), up.toString());
        assertEquals(List.of(container("news", "api"), container("news", "db")),
                docker.runningContainerNames(stacks.project("news")));
        assertEquals(List.of(container("proxy", "web")), docker.runningContainerNames(stacks.project("proxy")));
        assertEquals(List.of(), docker.containerNames(stacks.project("blog")), "blog was not selected");
        // api depends on a healthy db, so up -d returned only once the database answered.
        assertEquals("healthy", docker.dockerOk("inspect", "-f", "{{.State.Health.Status}}",
                docker.runningContainer(stacks.project("news"), "db")));
        List<String> events = stacks.events();
        assertEquals("hook pre_up up -d", events.get(0), events.toString());
        assertTrue(events.contains("hook post_up up -d api=running"), events.toString());
        awaitEvents("api start", 1, 0);
        assertTrue(up.out().contains("Summary: 2 succeeded, 0 failed out of 2 stacks"), up.toString());

        ok(stacks.run("blog", "up", "-d"));
        docker.awaitHealthy(stacks.project("blog"), "db", HEALTHY);
        assertEquals(List.of(container("blog", "db")), docker.runningContainerNames(stacks.project("blog")));
    }

    @Test
    @Order(2)
    void composeCommandsReachEveryStackOfThePattern() {
        ensureUp();

        KomposeProcess.Result ps = ok(stacks.run("*", "ps"));
        for (String name : List.of(container("news", "db"), container("news", "api"), container("blog", "db"),
                container("proxy", "web"))) {
            assertTrue(ps.out().contains(name), name + " missing in\n" + ps);
        }

        KomposeProcess.Result logs = ok(stacks.run("proxy,n*", "logs", "--no-color", "--tail", "50"));
        assertTrue(logs.out().contains("proxy web started"), logs.toString());
        assertTrue(logs.out().contains("database system is ready to accept connections"), logs.toString());
        assertTrue(logs.out().contains("[STACK: news]") && logs.out().contains("[STACK: proxy]")
                && !logs.out().contains("[STACK: blog]"), logs.toString());

        // -e reaches compose as a variable (interpolated into the service), never as a flag.
        ok(stacks.run("-e", "PROXY_MESSAGE=hello from -e", "proxy", "up", "-d"));
        KomposeProcess.Result exec = ok(stacks.run("proxy", "exec", "-T", "web", "sh", "-c", "echo \"message: $PROXY_MESSAGE\""));
        assertTrue(exec.out().contains("message: hello from -e"), exec.toString());
        // Standard input is empty: a command reading it ends at once instead of hanging.
        ok(stacks.run("proxy", "exec", "-T", "web", "cat"));
        KomposeProcess.Result failing = stacks.run("proxy", "exec", "-T", "web", "sh", "-c", "exit 3");
        assertEquals(1, failing.exitCode(), failing.toString());
        assertTrue(failing.out().contains("exit status 3"), "compose passes the command's status through: " + failing);

        String api = docker.runningContainer(stacks.project("news"), "api");
        String web = docker.runningContainer(stacks.project("proxy"), "web");
        String blogDatabase = docker.runningContainer(stacks.project("blog"), "db");
        String apiStarted = docker.startedAt(api);
        String webStarted = docker.startedAt(web);
        String blogStarted = docker.startedAt(blogDatabase);
        int apiStarts = count(stacks.events(), "api start");
        ok(stacks.run("news,proxy", "restart"));
        assertNotEquals(apiStarted, docker.startedAt(api));
        assertNotEquals(webStarted, docker.startedAt(web));
        assertEquals(blogStarted, docker.startedAt(blogDatabase), "blog was not selected");
        awaitEvents("api start", apiStarts + 1, 0);

        ok(stacks.run("news,proxy", "stop"));
        assertEquals(List.of(), docker.runningContainerNames(stacks.project("news")));
        assertEquals(List.of(), docker.runningContainerNames(stacks.project("proxy")));
        assertEquals(2, docker.containerNames(stacks.project("news")).size(), "stop keeps the containers");
        assertEquals(List.of(container("blog", "db")), docker.runningContainerNames(stacks.project("blog")));

        ok(stacks.run("news,proxy", "start"));
        assertEquals(List.of(container("news", "api"), container("news", "db")),
                docker.runningContainerNames(stacks.project("news")));
        assertEquals(List.of(container("proxy", "web")), docker.runningContainerNames(stacks.project("proxy")));
    }

    @Test
    @Order(3)
    void exportWritesTheDumpAndTheSchemaSnapshot() throws IOException {
        ensureUp();
        seedData();
        int eventsBefore = stacks.events().size();

        KomposeProcess.Result export = ok(stacks.run("*", "db:export"));

        Path newsDump = onlyDump("news");
        String dump = Files.readString(newsDump);
        assertTrue(DumpFiles.isComplete(newsDump));
        assertTrue(dump.contains("original") && dump.contains("article 20"), "the dump holds the data");
        assertTrue(Files.readString(onlyDump("blog")).contains("blog post 5"));
        List<String> events = stacks.events().subList(eventsBefore, stacks.events().size());
        assertEquals(3, events.size(), events.toString());
        assertEquals("hook pre_db_export", events.get(0));
        assertTrue(events.get(1).startsWith("api schema snapshot schema.yaml "), events.toString());
        assertEquals("hook post_db_export " + newsDump.getFileName(), events.get(2));
        String snapshotNumber = events.get(1).substring(events.get(1).lastIndexOf(' ') + 1);
        String schema = Files.readString(stacks.folder("news").resolve("schema/schema.yaml"));
        assertTrue(schema.contains("snapshot: " + snapshotNumber + "\n") && schema.contains("articles"), schema);
        assertTrue(export.out().contains("[SKIP] proxy"), export.toString());
        assertTrue(export.out().contains("0 failed out of 3 stacks"), export.toString());
    }

    @Test
    @Order(4)
    void importRestoresTheDumpWithTheHooksInTheDocumentedOrder() {
        ensureUp();
        seedData();
        ok(stacks.run("news,blog", "db:export"));
        Path newsDump = newestDump("news");
        stacks.sql("news", "UPDATE marker SET note = 'changed'; DELETE FROM articles WHERE id > 10;"
                + " INSERT INTO articles VALUES (100, 'not in the dump')");
        stacks.sql("blog", "DELETE FROM post");
        String api = docker.runningContainer(stacks.project("news"), "api");
        String apiStarted = docker.startedAt(api);
        int eventsBefore = stacks.events().size();

        KomposeProcess.Result restore = ok(stacks.run("news,blog", "db:import"));

        assertEquals("original", stacks.sql("news", "SELECT note FROM marker"));
        assertEquals("20|210", stacks.sql("news", "SELECT count(*), sum(id) FROM articles"));
        assertEquals("5", stacks.sql("blog", "SELECT count(*) FROM post"));
        for (String stack : List.of("news", "blog")) {
            String database = stacks.databaseName(stack);
            assertFalse(stacks.databaseExists(stack, SqlNames.restoreDatabase(database)));
            assertFalse(stacks.databaseExists(stack, SqlNames.previousDatabase(database)));
        }
        String dumpName = newsDump.getFileName().toString();
        awaitEvents("api start", 1, eventsBefore);
        List<String> events = stacks.events().subList(eventsBefore, stacks.events().size());
        assertEquals(4, events.size(), events.toString());
        assertEquals("hook pre_db_import " + dumpName + " live=changed", events.get(0), "before the restore: " + events);
        assertTrue(events.get(1).startsWith("api schema apply schema.yaml "), events.toString());
        assertEquals("hook post_db_import " + dumpName + " live=original", events.get(2), "after the restore: " + events);
        assertEquals("api start", events.get(3), "the api was restarted last: " + events);
        assertNotEquals(apiStarted, docker.startedAt(api));
        String news = restore.out().substring(restore.out().indexOf("[STACK: news]"));
        int preHook = news.indexOf("hook pre_db_import");
        int restoreStage = news.indexOf("restore psql");
        int swap = news.indexOf("sql swap");
        int postHook = news.indexOf("hook post_db_import");
        assertTrue(0 < preHook && preHook < restoreStage && restoreStage < swap && swap < postHook, restore.toString());
    }

    @Test
    @Order(5)
    void dryRunChangesNothing() throws IOException {
        ensureUp();
        seedData();
        ok(stacks.run("news", "db:export"));
        stacks.sql("news", "UPDATE marker SET note = 'changed'");
        Map<String, String> containersBefore = containerStates();
        Map<String, String> filesBefore = files();
        String databasesBefore = stacks.sqlIn("news", "postgres", "SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database");

        String program = flavour().programText();
        dryRun(stacks.run("--dry-run", "*", "down", "-v"), program + " -f compose.yaml down -v");
        dryRun(stacks.run("*", "db:export", "--dry-run"), "pg_dump");
        dryRun(stacks.run("-n", "news", "db:import"), "hook_pre_db_import");
        dryRun(stacks.run("-n", "news,proxy", "restart"), program + " -f compose.yaml restart");
        dryRun(stacks.run("-n", "*", "stop"), program + " -f compose.yaml stop");
        dryRun(stacks.run("-n", "news", "exec", "-T", "api", "directus", "schema", "snapshot", "--yes", "./schema/schema.yaml"),
                "exec -T api directus schema snapshot");

        assertEquals(containersBefore, containerStates());
        assertEquals(filesBefore, files());
        assertEquals("changed", stacks.sql("news", "SELECT note FROM marker"));
        assertEquals(databasesBefore, stacks.sqlIn("news", "postgres",
                "SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database"));
    }

    @Test
    @Order(6)
    void hooksFacingAStoppedApiSkipOrFailAsTheyAreWritten() throws IOException {
        ensureUp();
        seedData();
        ok(stacks.run("news", "db:export"));
        Path schema = stacks.folder("news").resolve("schema/schema.yaml");
        String schemaBefore = Files.readString(schema);
        int dumpsBefore = dumps("news").size();
        ok(stacks.run("news", "stop", "api"));
        assertEquals("", docker.runningContainer(stacks.project("news"), "api"));
        int eventsBefore = stacks.events().size();

        KomposeProcess.Result export = ok(stacks.run("news", "db:export"));
        assertTrue(export.out().contains("api container is not running: skipping the schema snapshot"), export.toString());
        assertEquals(dumpsBefore + 1, dumps("news").size(), "the dump is still made");
        assertEquals(schemaBefore, Files.readString(schema), "no snapshot without the api");

        stacks.sql("news", "UPDATE marker SET note = 'changed'");
        KomposeProcess.Result restore = stacks.run("news", "db:import");
        assertEquals(1, restore.exitCode(), restore.toString());
        assertTrue(restore.all().contains("cannot apply the schema"), restore.toString());
        assertTrue(restore.out().contains("Summary: 0 succeeded, 1 failed out of 1 stacks"), restore.toString());
        assertEquals("changed", stacks.sql("news", "SELECT note FROM marker"), "the import stopped before the restore");
        assertFalse(stacks.databaseExists("news", SqlNames.restoreDatabase("directus")));

        List<String> events = stacks.events().subList(eventsBefore, stacks.events().size());
        String newest = newestDump("news").getFileName().toString();
        assertEquals(List.of("hook pre_db_export skipped", "hook post_db_export " + newest, "hook pre_db_import refused"),
                events, "no post_db_import after a failed pre_db_import");

        ok(stacks.run("news", "start", "api"));
        assertFalse(docker.runningContainer(stacks.project("news"), "api").isEmpty());
    }

    @Test
    @Order(7)
    void stoppingTheDatabaseContainerDuringAnImportLosesNothing() throws Exception {
        ensureUp();
        seedData();
        stacks.sql("news", "CREATE TABLE bulk AS SELECT g AS id, repeat('x', 200) AS filler FROM generate_series(1, 300000) g");
        ok(stacks.run("news", "db:export"));
        stacks.sql("news", "UPDATE marker SET note = 'live before the import'");
        String restoreDatabase = SqlNames.restoreDatabase("directus");

        Process importing = stacks.start("news", "db:import");
        CompletableFuture<String> out = read(importing.getInputStream());
        CompletableFuture<String> err = read(importing.getErrorStream());
        awaitRestoreCopying(importing, restoreDatabase);
        DockerEngine.Result stop = docker.docker("stop", docker.runningContainer(stacks.project("news"), "db"));
        assertEquals(0, stop.exitCode(), stop.toString());
        assertTrue(importing.waitFor(2, TimeUnit.MINUTES), "kompose finished after the database went away");
        String output = out.get() + err.get();
        assertEquals(1, importing.exitValue(), output);
        assertTrue(output.contains("[FAILED] news"), output);
        assertFalse(output.contains(E2eStacks.PASSWORD) || output.contains("\tat "), "no password, no stack trace: " + output);

        ok(stacks.run("news", "start", "db"));
        docker.awaitHealthy(stacks.project("news"), "db", HEALTHY);
        assertTrue(stacks.databaseExists("news", restoreDatabase),
                "the roll-back could not reach the stopped server, so the half-restored copy is still there");
        assertEquals("live before the import", stacks.sql("news", "SELECT note FROM marker"));
        assertEquals("300000", stacks.sql("news", "SELECT count(*) FROM bulk"));
        assertEquals("20", stacks.sql("news", "SELECT count(*) FROM articles"));

        // The next import works, whatever the interrupted one left behind.
        ok(stacks.run("news", "db:import"));
        assertEquals("original", stacks.sql("news", "SELECT note FROM marker"));
        assertFalse(stacks.databaseExists("news", restoreDatabase));
        stacks.sql("news", "DROP TABLE bulk");
    }

    @Test
    @Order(9)
    void downByPatternRemovesTheContainers() {
        ensureUp();

        ok(stacks.run("b*,news,proxy", "down", "-v"));

        for (String stack : E2eStacks.STACKS) {
            assertEquals(List.of(), docker.containerNames(stacks.project(stack)), stack);
        }
        assertEquals(List.of(), docker.volumes(stacks.project("news")), "down -v removed the database volume");
        assertEquals(List.of(), docker.volumes(stacks.project("blog")));
    }

    // ---- helpers --------------------------------------------------------------------------

    String container(String stack, String service) {
        return flavour().containerName(stacks.project(stack), service);
    }

    KomposeProcess.Result ok(KomposeProcess.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        assertFalse(result.all().contains(E2eStacks.PASSWORD), "password leaked: " + result);
        return result;
    }

    /**
     * --step in a real terminal (tmux) against the real stack: every stage of an import is shown and
     * confirmed one at a time, the hooks reach the real api container, and the data comes back.
     */
    @Test
    @Order(8)
    void stepThroughAnImportInARealTerminal() throws Exception {
        ensureUp();
        seedData();
        ok(stacks.run("news", "db:export"));
        stacks.sql("news", "UPDATE marker SET note = 'changed'");
        Map<String, String> environment = new TreeMap<>(docker.environment());
        environment.put("KOMPOSE_COMPOSE", flavour().komposeCompose());
        environment.put("TERM", "xterm-256color");
        // lock, db-tools, check-dump, pre_db_import, create-database, psql, swap, drop-previous, post_db_import
        int stages = 9;
        try (Tmux terminal = Tmux.start(root, environment, "-C", root.toString(), "--step", "news", "db:import")) {
            for (int stage = 1; stage <= stages; stage++) {
                terminal.waitFor("stage " + stage + "/" + stages);
                terminal.waitForCount(STEP_QUESTION, stage);
                if (stage == 3) {
                    assertEquals("changed", stacks.sql("news", "SELECT note FROM marker"), "nothing ran before the answers");
                }
                terminal.type("y").press("Enter");
            }
            String screen = terminal.waitFor("[kompose exited 0]");
            assertTrue(screen.contains("hook_pre_db_import()"), "the hook's body is shown:\n" + screen);
            assertTrue(screen.contains("DESTRUCTIVE"), screen);
            assertFalse(screen.contains(E2eStacks.PASSWORD), "password on screen");
        }
        assertEquals("original", stacks.sql("news", "SELECT note FROM marker"));
        String database = stacks.databaseName("news");
        assertFalse(stacks.databaseExists("news", SqlNames.restoreDatabase(database)));
    }

    private void dryRun(KomposeProcess.Result result, String expectedText) {
        ok(result);
        assertTrue(result.out().contains("[DRY-RUN]") && result.out().contains(expectedText), result.toString());
    }

    /** All three stacks running, the databases healthy. */
    void ensureUp() {
        boolean allRunning = !docker.runningContainer(stacks.project("news"), "db").isEmpty()
                && !docker.runningContainer(stacks.project("news"), "api").isEmpty()
                && !docker.runningContainer(stacks.project("blog"), "db").isEmpty()
                && !docker.runningContainer(stacks.project("proxy"), "web").isEmpty();
        if (!allRunning) {
            ok(stacks.run("*", "up", "-d"));
        }
        docker.awaitHealthy(stacks.project("news"), "db", HEALTHY);
        docker.awaitHealthy(stacks.project("blog"), "db", HEALTHY);
    }

    /** Known data: news has a marker row and 20 articles, blog 5 posts. */
    void seedData() {
        stacks.sql("news", "DROP TABLE IF EXISTS marker, articles, bulk;"
                + " CREATE TABLE marker (id int PRIMARY KEY, note text); INSERT INTO marker VALUES (1, 'original');"
                + " CREATE TABLE articles (id int PRIMARY KEY, title text);"
                + " INSERT INTO articles SELECT g, 'article ' || g FROM generate_series(1, 20) g");
        stacks.sql("blog", "DROP TABLE IF EXISTS post; CREATE TABLE post (id int PRIMARY KEY, title text);"
                + " INSERT INTO post SELECT g, 'blog post ' || g FROM generate_series(1, 5) g");
        for (String stack : List.of("news", "blog")) {
            for (DumpFile dump : dumps(stack)) {
                try {
                    Files.delete(dump.path());
                } catch (IOException gone) {
                    throw new java.io.UncheckedIOException(gone);
                }
            }
        }
    }

    List<DumpFile> dumps(String stack) {
        try {
            return DumpFiles.list(stacks.folder(stack), stacks.databaseName(stack));
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    Path newestDump(String stack) {
        return dumps(stack).get(0).path();
    }

    private Path onlyDump(String stack) {
        List<DumpFile> dumps = dumps(stack);
        assertEquals(1, dumps.size(), dumps.toString());
        return dumps.get(0).path();
    }

    static int count(List<String> lines, String line) {
        return (int) lines.stream().filter(line::equals).count();
    }

    /** Waits until events.log holds `line` at least `times` times after index `from` (the api writes it itself). */
    void awaitEvents(String line, int times, int from) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> events = stacks.events();
            if (count(events.subList(Math.min(from, events.size()), events.size()), line) >= times) {
                return;
            }
            DockerEngine.sleep(Duration.ofMillis(100));
        }
        fail("events.log never held '" + line + "' " + times + " times: " + stacks.events());
    }

    private void awaitRestoreCopying(Process importing, String restoreDatabase) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String query = "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + restoreDatabase
                + "' AND query ILIKE 'COPY%'";
        while (System.nanoTime() < deadline) {
            if (!importing.isAlive()) {
                fail("the import ended (exit " + importing.exitValue() + ") before the test could stop the database"
                        + " during the restore: make the bulk table bigger");
            }
            DockerEngine.Result copying = stacks.psql("news", "postgres", query);
            if (copying.exitCode() == 0 && !copying.out().strip().equals("0")) {
                return;
            }
            DockerEngine.sleep(Duration.ofMillis(50));
        }
        fail("the restore never started copying into " + restoreDatabase);
    }

    /** Every container of the three projects: name -> id, state, start time. */
    private Map<String, String> containerStates() {
        Map<String, String> states = new TreeMap<>();
        for (String stack : E2eStacks.STACKS) {
            for (String name : docker.containerNames(stacks.project(stack))) {
                states.put(name, docker.dockerOk("inspect", "-f", "{{.Id}} {{.State.Status}} {{.State.StartedAt}}", name));
            }
        }
        return states;
    }

    /** Every file under the root: path -> size and modification time. */
    private Map<String, String> files() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.size(path) + " " + Files.getLastModifiedTime(path));
            }
        }
        return files;
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException closed) {
                return "";
            }
        });
    }
}
