package dev.kompose.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("postgres")
class JournalTest {
    private final PostgresServer server = PostgresServer.get();

    @Test
    void everyRunAppendsOneLinePerStackWithStagesAndDumpFiles(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "journal_db");
        Path dump = fixture.completeDump();
        KomposeProcess.Result importing = fixture.kompose().run("-C", root.toString(), "app", "db:import");
        assertEquals(0, importing.exitCode(), importing.toString());

        List<Map<String, Object>> entries = new Journal(fixture.journal).read().entries();
        assertEquals(2, entries.size(), Files.readString(fixture.journal));
        Map<String, Object> export = entries.get(0);
        assertEquals("db:export", export.get("command"));
        assertEquals("app", export.get("stack"));
        assertEquals("succeeded", export.get("outcome"));
        assertEquals(0L, export.get("exit"));
        assertEquals(System.getProperty("user.name"), export.get("user"));
        assertEquals(List.of(dump.toString()), export.get("dumpsWritten"));
        List<?> stages = (List<?>) export.get("stages");
        assertEquals(List.of("lock", "db-tools", "free-space", "pg_dump", "publish", "manifest"),
                stages.stream().map(stage -> ((Map<?, ?>) stage).get("stage")).toList());
        assertTrue(stages.stream().allMatch(stage -> ((Map<?, ?>) stage).get("seconds") instanceof Number));
        Map<String, Object> restore = entries.get(1);
        assertEquals("db:import", restore.get("command"));
        assertEquals(List.of(dump.toString()), restore.get("dumpsRead"));
        assertFalse(Files.readString(fixture.journal).contains(PostgresServer.PASSWORD));

        KomposeProcess.Result shown = fixture.kompose().run("journal", "--stack", "app", "--last", "1");
        assertEquals(0, shown.exitCode(), shown.toString());
        assertTrue(shown.out().contains("app  db:import  succeeded (exit 0"), shown.toString());
        assertTrue(shown.out().contains("read " + dump), shown.toString());
        assertFalse(shown.out().contains("db:export"), "--last 1 shows only the newest: " + shown);
        KomposeProcess.Result other = fixture.kompose().run("journal", "--stack", "nothere");
        assertTrue(other.out().contains("no journal entries for stack nothere"), other.toString());
        KomposeProcess.Result wrong = fixture.kompose().run("journal", "--last", "many");
        assertEquals(2, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.err().contains("kompose: journal:"), wrong.toString());
    }

    @Test
    void aFailedAndACancelledStackAreJournalledWithTheirExitStatus(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "journal_fail");
        Path garbage = Files.writeString(fixture.stack.resolve("garbage.sql"), "this is not a dump\n");
        KomposeProcess.Result failed = fixture.kompose().run("-C", root.toString(), "app", "db:import", garbage.toString());
        assertEquals(1, failed.exitCode(), failed.toString());
        Map<String, Object> entry = new Journal(fixture.journal).read().entries().get(0);
        assertEquals("failed", entry.get("outcome"));
        assertEquals(1L, entry.get("exit"));
        assertTrue(String.valueOf(entry.get("message")).contains("check-dump"), entry.toString());
    }

    @Test
    void anUnwritableJournalWarnsButNeverBlocksTheRestore(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "journal_unwritable");
        fixture.completeDump();
        Path notAFolder = Files.writeString(root.resolve("plain-file"), "x");
        KomposeProcess.Result importing = new KomposeProcess()
                .environment("KOMPOSE_JOURNAL", notAFolder.resolve("journal.jsonl").toString())
                .run("-C", root.toString(), "app", "db:import");
        assertEquals(0, importing.exitCode(), importing.toString());
        assertTrue(importing.err().contains("[WARN] cannot write the journal"), importing.toString());
        assertEquals(DatabaseFixture.DUMPED_ROWS, fixture.liveRows());
    }

    @Test
    void theJournalIsInTheStateFolderByDefault() {
        assertEquals(Path.of("/home/x/.local/state/kompose/journal.jsonl"), Journal.location(Map.of("HOME", "/home/x")));
        assertEquals(Path.of("/state/kompose/journal.jsonl"), Journal.location(Map.of("HOME", "/home/x", "XDG_STATE_HOME", "/state")));
        assertEquals(Path.of("/tmp/j.jsonl"), Journal.location(Map.of("KOMPOSE_JOURNAL", "/tmp/j.jsonl", "XDG_STATE_HOME", "/state")));
    }
}
