package dev.kompose.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.db.DumpFile;
import dev.kompose.db.DumpFiles;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import dev.kompose.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kompose shell in a real terminal (tmux): keys in, screen out, files and database checked afterwards. */
@Tag("terminal")
@Tag("postgres")
class ShellTerminalTest {
    private static final String DATABASE = "shellterm";
    private final PostgresServer server = PostgresServer.get();
    @TempDir
    Path root;
    @TempDir
    Path scratch;
    private Tmux tmux;
    private String prompt;

    @BeforeEach
    void stack() throws IOException {
        server.recreateDatabase(DATABASE);
        server.sql(DATABASE, "CREATE TABLE item (id int PRIMARY KEY, name text); INSERT INTO item VALUES (1, 'one'), (2, 'two')");
        StackFolder folder = new StackFolder(root);
        folder.databaseStack("app", server, DATABASE);
        folder.stackWithoutDatabase("web");
        folder.stackWithoutDatabase("worker");
        folder.hooks("app", "hook_pre_db_export() {\n  echo \"pre export of $DB_NAME\"\n  sleep \"${SLOW_EXPORT:-0}\"\n}\n"
                + "hook_post_db_export() {\n  echo \"post export $1\"\n}\n");
        prompt = "kompose " + root + "> ";
    }

    @AfterEach
    void close() {
        if (tmux != null) {
            tmux.close();
        }
    }

    private Tmux shell(Map<String, String> extra) throws IOException {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("HOME", scratch.toString(),
                "XDG_STATE_HOME", scratch.resolve("state").toString(), "TERM", "xterm-256color"));
        environment.putAll(extra);
        tmux = Tmux.start(scratch, environment, "-C", root.toString(), "shell");
        tmux.waitFor(prompt);
        return tmux;
    }

    private List<Path> dumps() throws IOException {
        return DumpFiles.list(root.resolve("app"), DATABASE).stream().map(DumpFile::path).toList();
    }

    private List<Path> partialFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("app"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(DumpFiles.PARTIAL_SUFFIX)).toList();
        }
    }

    @Test
    void tabCompletesStacksCommaListsCommandsAndDumpFiles() throws Exception {
        Files.writeString(root.resolve("app").resolve(DATABASE + "_20250101_120000.sql"), "-- old\n");
        Files.writeString(root.resolve("app").resolve(DATABASE + "_20251011_005049.sql"), "-- new\n");
        shell(Map.of());
        tmux.type("ap").press("Tab");
        tmux.waitFor(prompt + "app ");
        tmux.type("db:imp").press("Tab");
        tmux.waitFor(prompt + "app db:import ");
        tmux.type(DATABASE + "_2025").press("Tab");
        String menu = tmux.waitFor("both dumps listed", screen -> screen.contains(DATABASE + "_20250101_120000.sql")
                && screen.contains(DATABASE + "_20251011_005049.sql"), Duration.ofSeconds(10));
        assertTrue(menu.indexOf(DATABASE + "_20251011_005049.sql") < menu.indexOf(DATABASE + "_20250101_120000.sql"),
                "newest first:\n" + menu);
        tmux.press("C-c");
        tmux.waitForCount(prompt, 2);
        tmux.type("app,w").press("Tab");
        tmux.waitFor("worker and web offered after the comma", screen -> screen.contains(prompt + "app,w")
                && screen.contains("web") && screen.contains("worker"), Duration.ofSeconds(10));
        tmux.press("C-c");
        tmux.waitForCount(prompt, 3);
        tmux.type("app,wo").press("Tab");
        tmux.waitFor(prompt + "app,worker ");
    }

    @Test
    void stepConfirmingEveryStageProducesADump() throws Exception {
        shell(Map.of());
        tmux.type("step app db:export").press("Enter");
        // lock, db-tools, free-space, pre_db_export, pg_dump, publish, manifest, post_db_export
        List<Integer> safeguards = List.of(1, 2, 3);
        int asked = 0;
        for (int stage = 1; stage <= 8; stage++) {
            tmux.waitFor("stage " + stage + "/8");
            String before = tmux.waitForCount(dev.kompose.cli.StepThroughGate.QUESTION_START, ++asked);
            String shown = before.substring(before.lastIndexOf("stage " + stage + "/8")).strip();
            if (safeguards.contains(stage)) {
                assertTrue(shown.lines().count() <= 3, "a safeguard takes at most three lines:\n" + shown);
                assertFalse(before.contains("SELECT"), "no SQL before d was pressed:\n" + before);
                assertTrue(shown.contains("[d]etails"), shown);
            }
            if (stage == 4) {
                assertTrue(shown.contains("sleep \"${SLOW_EXPORT:-0}\""), "the hook body is shown:\n" + shown);
            }
            if (stage == 3) {
                tmux.type("d").press("Enter");
                tmux.waitFor("SELECT");
                tmux.waitForCount(dev.kompose.cli.StepThroughGate.QUESTION_START, ++asked);
            }
            tmux.type("y").press("Enter");
        }
        String screen = tmux.waitFor("Summary: 1 succeeded, 0 failed out of 1 stacks");
        assertTrue(screen.contains("sleep \"${SLOW_EXPORT:-0}\""), "the hook body is shown:\n" + screen);
        assertTrue(screen.contains("PGPASSWORD=***") || !screen.contains("PGPASSWORD"), screen);
        assertFalse(screen.contains(PostgresServer.PASSWORD), "password on screen:\n" + screen);
        assertTrue(screen.contains("pre export of " + DATABASE), screen);
        assertEquals(1, dumps().size(), screen);
        assertTrue(DumpFiles.isComplete(dumps().get(0)));
        tmux.waitForCount(prompt, 2);
    }

    @Test
    void stepQuitHalfWayLeavesEverythingAsItWas() throws Exception {
        shell(Map.of());
        tmux.type("step app db:export").press("Enter");
        for (int stage = 1; stage <= 5; stage++) { // lock, db-tools, free-space, pre_db_export, pg_dump
            tmux.waitFor("stage " + stage + "/8");
            tmux.waitForCount(dev.kompose.cli.StepThroughGate.QUESTION_START, stage);
            tmux.type("y").press("Enter");
        }
        tmux.waitFor("stage 6/8");
        assertEquals(1, partialFiles().size(), "pg_dump wrote its temporary file before the quit");
        tmux.type("q").press("Enter");
        String screen = tmux.waitFor("[CANCELLED]");
        tmux.waitForCount(prompt, 2);
        assertTrue(screen.contains("quit at stage 6/8"), screen);
        assertEquals(List.of(), dumps(), "no dump published");
        assertEquals(List.of(), partialFiles(), "the temporary dump was removed");
        assertFalse(screen.contains("post export"), "the post hook did not run");
        assertEquals("1|one\n2|two", server.sql(DATABASE, "SELECT id, name FROM item ORDER BY id"));
    }

    @Test
    void dryRunStepIsAWalkthroughThatRunsNothing() throws Exception {
        Path dump = root.resolve("app").resolve(DATABASE + "_20251011_005049.sql");
        Files.writeString(dump, "SELECT 1;\n-- PostgreSQL database dump complete\n");
        shell(Map.of());
        tmux.type("dry-run on").press("Enter");
        tmux.waitFor("kompose " + root + " [dry-run]> ");
        tmux.type("step app db:import").press("Enter");
        tmux.waitFor("(dry run: nothing runs)");
        tmux.type("a").press("Enter");
        String screen = tmux.waitFor("Summary: 1 succeeded, 0 failed out of 1 stacks");
        assertTrue(screen.contains("stage 1/"), screen);
        assertTrue(screen.contains("[DRY-RUN]"), screen);
        assertTrue(screen.contains("DESTRUCTIVE") || screen.contains("(destructive)"), "the swap is marked:\n" + screen);
        assertEquals("1|one\n2|two", server.sql(DATABASE, "SELECT id, name FROM item ORDER BY id"));
        assertFalse(server.databaseExists(dev.kompose.db.SqlNames.restoreDatabase(DATABASE)));
        assertEquals(List.of(dump), dumps());
    }

    @Test
    void ctrlCCancelsARunningExportAndReturnsToThePromptAndCtrlDLeaves() throws Exception {
        shell(Map.of("SLOW_EXPORT", "47"));
        tmux.type("half-typed line").press("C-c");
        tmux.waitForCount(prompt, 2);
        tmux.type("app db:export").press("Enter");
        tmux.waitFor("pre export of " + DATABASE);
        long sleeping = ProcessHandle.allProcesses().filter(process -> process.info().commandLine().orElse("").contains("sleep 47")).count();
        assertEquals(1, sleeping, "the slow hook is running");
        long start = System.nanoTime();
        tmux.press("C-c");
        String screen = tmux.waitFor("[CANCELLED]");
        tmux.waitForCount(prompt, 3);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15, "cancelled promptly");
        assertFalse(screen.contains("half-typed line\n"), screen);
        assertEquals(List.of(), dumps());
        assertEquals(List.of(), partialFiles());
        assertEquals(0, ProcessHandle.allProcesses().filter(process -> process.info().commandLine().orElse("").contains("sleep 47")).count(),
                "the hook's children were stopped");
        tmux.type("list").press("Enter");
        tmux.waitFor("3 stacks");
        tmux.press("C-d");
        tmux.waitFor("[kompose exited 0]");
        String history = Files.readString(scratch.resolve("state/kompose/history"));
        assertTrue(history.contains("app db:export") && history.contains("list"), history);
    }

    @Test
    void stepOnTheCommandLineAsksOnTheTerminalAndAllRunsTheRest() throws Exception {
        tmux = Tmux.start(scratch, Map.of("HOME", scratch.toString(), "TERM", "xterm-256color"),
                "-C", root.toString(), "--step", "app", "db:export");
        tmux.waitFor("stage 1/8"); // lock
        tmux.waitFor(dev.kompose.cli.StepThroughGate.QUESTION_START);
        tmux.type("y").press("Enter");
        tmux.waitFor("stage 2/8"); // db-tools
        tmux.waitForCount(dev.kompose.cli.StepThroughGate.QUESTION_START, 2);
        tmux.type("y").press("Enter");
        tmux.waitFor("stage 3/8"); // free-space
        tmux.waitForCount(dev.kompose.cli.StepThroughGate.QUESTION_START, 3);
        tmux.type("y").press("Enter");
        tmux.waitFor("stage 4/8"); // pre_db_export
        tmux.waitForCount(dev.kompose.cli.StepThroughGate.QUESTION_START, 4);
        tmux.type("s").press("Enter");
        tmux.waitFor("stage 5/8");
        tmux.type("a").press("Enter");
        String screen = tmux.waitFor("[kompose exited 0]");
        assertTrue(screen.contains("skipping pre_db_export"), screen);
        assertFalse(screen.contains("stage 6/8"), "all: no more questions\n" + screen);
        assertFalse(screen.contains("pre export of " + DATABASE), "the skipped hook did not run\n" + screen);
        assertTrue(screen.contains("post export "), screen);
        assertEquals(1, dumps().size(), screen);
    }
}
