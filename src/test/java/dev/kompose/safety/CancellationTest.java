package dev.kompose.safety;

import static dev.kompose.testing.Faults.descendant;
import static dev.kompose.testing.Faults.drain;
import static dev.kompose.testing.Faults.processesWithArgument;
import static dev.kompose.testing.Faults.signal;
import static dev.kompose.testing.Faults.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.db.DumpFiles;
import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals sent for real to a running kompose (and kill -9 to it and to its pg_dump / psql) at
 * the points where data could be lost; each test checks the live database, the restore database
 * and the files afterwards, then that a fresh run works.
 */
@Tag("postgres")
class CancellationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final PostgresServer server = PostgresServer.get();

    /** A kompose started in the background, its output read as it comes. */
    private record Running(Process process, CompletableFuture<String> out, CompletableFuture<String> err) {
        static Running start(KomposeProcess kompose, String... arguments) throws Exception {
            Process process = kompose.start(arguments);
            return new Running(process, drain(process.getInputStream()), drain(process.getErrorStream()));
        }

        int awaitExit() throws Exception {
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "kompose did not end");
            return process.exitValue();
        }

        String output() throws Exception {
            return out.get(30, TimeUnit.SECONDS) + err.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void sigintDuringPgDumpStopsItRemovesTheTemporaryFileAndExits130(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "cancel_dump");
        Path earlier = fixture.completeDump();
        long earlierSize = Files.size(earlier);
        Process blocker = fixture.blockDumps(120);
        try {
            waitUntil("the blocker's lock", WAIT, () -> Integer.parseInt(server.sql("postgres",
                    "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.application_name ="
                            + " 'kompose-test-blocker' AND l.mode = 'AccessExclusiveLock' AND l.granted")) > 0);
            Running kompose = Running.start(fixture.kompose(), "-C", root.toString(), "app", "db:export");
            // pg_dump and the session holding its snapshot wait on the locked table (the session's size
            // estimate gives up after its lock_timeout; its counting then waits as pg_dump does)
            waitUntil("pg_dump waiting for the table lock", WAIT, () -> descendant(kompose.process().toHandle(), "pg_dump")
                    .isPresent() && fixture.komposeSessions("wait_event_type = 'Lock'") == 2);
            long pgDump = descendant(kompose.process().toHandle(), "pg_dump").orElseThrow().pid();

            signal(kompose.process().pid(), "INT");
            int exit = kompose.awaitExit();
            String output = kompose.output();

            assertEquals(130, exit, output);
            assertFalse(ProcessHandle.of(pgDump).map(ProcessHandle::isAlive).orElse(false), "pg_dump still runs");
            assertTrue(fixture.partialFiles().isEmpty(), "temporary dump left: " + fixture.partialFiles());
            assertEquals(List.of(earlier), fixture.dumps(), "only the earlier complete dump is there");
            assertEquals(earlierSize, Files.size(earlier));
            assertTrue(DumpFiles.isComplete(earlier));
            assertTrue(output.contains("SIGINT received"), output);
            assertTrue(output.contains("[CANCELLED] app"), output);
            assertTrue(output.contains("live databases and finished dumps are as they were"), output);
            assertEquals(0, fixture.komposeSessions("true"), "no kompose session is left on the server");
        } finally {
            fixture.unblock(blocker);
        }
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows());
        KomposeProcess.Result again = fixture.kompose().run("-C", root.toString(), "app", "db:export");
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(2, fixture.dumps().size());
    }

    @Test
    void sigtermDuringTheRestoreDropsTheRestoreDatabaseAndLeavesTheLiveOne(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "cancel_restore");
        Path slow = fixture.slowDump(fixture.completeDump(), 120);
        Running kompose = Running.start(fixture.kompose(), "-C", root.toString(), "app", "db:import", slow.getFileName().toString());
        waitUntil("psql sleeping in the restore", WAIT, () -> fixture.komposeSessions("query LIKE 'SELECT pg_sleep(%'") == 1);
        assertTrue(fixture.restoreDatabaseExists());

        signal(kompose.process().pid(), "TERM");
        int exit = kompose.awaitExit();
        String output = kompose.output();

        assertEquals(143, exit, output);
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows(), "the live database is untouched");
        assertFalse(fixture.restoreDatabaseExists(), "the restore database was dropped");
        assertFalse(server.databaseExists("cancel_restore__kompose_previous"));
        assertTrue(DumpFiles.isComplete(slow), "the dump is intact");
        assertTrue(output.contains("SIGTERM received"), output);
        assertTrue(output.contains("clean-up sql roll-back"), output);
        assertTrue(output.contains("[CANCELLED] app"), output);
        java.util.Map<String, Object> journalled = new Journal(fixture.journal).read().entries().get(1);
        assertEquals("cancelled", journalled.get("outcome"), journalled.toString());
        assertEquals(143L, journalled.get("exit"));
        assertTrue(journalled.get("stages").toString().contains("stage=roll-back, kind=sql, outcome=succeeded"),
                journalled.toString());

        KomposeProcess.Result again = fixture.kompose().run("-C", root.toString(), "app", "db:import");
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(DatabaseFixture.DUMPED_ROWS, fixture.liveRows());
    }

    @Test
    void aSecondSignalDuringTheRestoreDoesNotCutTheCleanUpShort(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "cancel_twice");
        Path slow = fixture.slowDump(fixture.completeDump(), 120);
        Running kompose = Running.start(fixture.kompose(), "-C", root.toString(), "app", "db:import", slow.getFileName().toString());
        waitUntil("psql sleeping in the restore", WAIT, () -> fixture.komposeSessions("query LIKE 'SELECT pg_sleep(%'") == 1);

        signal(kompose.process().pid(), "INT");
        signal(kompose.process().pid(), "INT");
        Thread.sleep(200);
        if (kompose.process().isAlive()) {
            signal(kompose.process().pid(), "TERM");
        }
        int exit = kompose.awaitExit();
        String output = kompose.output();

        assertEquals(130, exit, "the first signal decides the status: " + output);
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows());
        assertFalse(fixture.restoreDatabaseExists(), "the restore database was dropped: " + output);
        assertEquals(0, fixture.komposeSessions("true"));
    }

    @Test
    void sighupDuringAHookStopsTheHookAndEveryProcessItStarted(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "cancel_hook");
        fixture.completeDump();
        new StackFolder(root).hooks("app", "hook_pre_db_import() {\n  sleep 4101 &\n  ( sleep 4102 ) &\n  sleep 4103\n}\n");
        Running kompose = Running.start(fixture.kompose(), "-C", root.toString(), "app", "db:import");
        waitUntil("the hook's sleeps", WAIT, () -> processesWithArgument("4101").size() == 1
                && processesWithArgument("4102").size() == 1 && processesWithArgument("4103").size() == 1);

        signal(kompose.process().pid(), "HUP");
        int exit = kompose.awaitExit();
        String output = kompose.output();

        assertEquals(129, exit, output);
        for (String marker : List.of("4101", "4102", "4103")) {
            assertEquals(List.of(), processesWithArgument(marker), "sleep " + marker + " survived");
        }
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows());
        assertFalse(fixture.restoreDatabaseExists());
        assertTrue(output.contains("SIGHUP received"), output);
        assertTrue(output.contains("hook hook_pre_db_import was stopped") || output.contains("[CANCELLED] app"), output);
    }

    @Test
    void killMinusNineOfKomposeDuringARestoreThenAFreshImportWorks(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "killed_restore");
        Path slow = fixture.slowDump(fixture.completeDump(), 120);
        Running kompose = Running.start(fixture.kompose(), "-C", root.toString(), "app", "db:import", slow.getFileName().toString());
        waitUntil("psql sleeping in the restore", WAIT, () -> fixture.komposeSessions("query LIKE 'SELECT pg_sleep(%'") == 1);

        signal(kompose.process().pid(), "KILL");
        assertEquals(137, kompose.awaitExit());
        assertTrue(fixture.restoreDatabaseExists(), "kill -9 leaves the half-restored database behind");
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows(), "but not the live one");
        assertTrue(Files.size(StackLockFiles.lockFile(fixture.stack)) > 0, "and a lock body");

        KomposeProcess.Result again = fixture.kompose().run("-C", root.toString(), "app", "db:import");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("took over a stale lock"), again.toString());
        assertEquals(DatabaseFixture.DUMPED_ROWS, fixture.liveRows());
        assertFalse(fixture.restoreDatabaseExists());
        assertEquals(0, fixture.komposeSessions("true"), "the orphaned psql's session was ended");
    }

    @Test
    void killMinusNineOfKomposeDuringAnExportLeavesNoFileTakenForADump(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "killed_export");
        Path earlier = fixture.completeDump();
        Process blocker = fixture.blockDumps(120);
        try {
            waitUntil("the blocker's lock", WAIT, () -> Integer.parseInt(server.sql("postgres",
                    "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.application_name ="
                            + " 'kompose-test-blocker' AND l.mode = 'AccessExclusiveLock' AND l.granted")) > 0);
            Running kompose = Running.start(fixture.kompose(), "-C", root.toString(), "app", "db:export");
            // pg_dump and the session holding its snapshot wait on the locked table (the session's size
            // estimate gives up after its lock_timeout; its counting then waits as pg_dump does)
            waitUntil("pg_dump waiting for the table lock", WAIT, () -> descendant(kompose.process().toHandle(), "pg_dump")
                    .isPresent() && fixture.komposeSessions("wait_event_type = 'Lock'") == 2);
            signal(kompose.process().pid(), "KILL");
            assertEquals(137, kompose.awaitExit());
        } finally {
            fixture.unblock(blocker);
        }
        waitUntil("the orphaned pg_dump to end", WAIT, () -> fixture.komposeSessions("true") == 0);
        assertEquals(List.of(earlier), fixture.dumps(), "no new file is taken for a dump");
        assertEquals(1, fixture.partialFiles().size(), "the orphan finished writing its temporary file");
        KomposeProcess.Result list = fixture.kompose().run("-C", root.toString(), "app", "db:list");
        assertFalse(list.out().contains(DumpFiles.PARTIAL_SUFFIX), list.toString());

        KomposeProcess.Result importing = fixture.kompose().run("-C", root.toString(), "app", "db:import");
        assertEquals(0, importing.exitCode(), importing.toString());
        assertTrue(importing.out().contains(earlier.getFileName().toString()), "the complete dump was used: " + importing);
        assertEquals(DatabaseFixture.DUMPED_ROWS, fixture.liveRows());
        KomposeProcess.Result export = fixture.kompose().run("-C", root.toString(), "app", "db:export");
        assertEquals(0, export.exitCode(), export.toString());
        assertEquals(2, fixture.dumps().size());
        assertTrue(fixture.partialFiles().isEmpty(), "the stale temporary file went with the next locked run");
    }

    @Test
    void killMinusNineOfPgDumpFailsTheStackCleanly(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "killed_pg_dump");
        Path earlier = fixture.completeDump();
        Process blocker = fixture.blockDumps(120);
        try {
            waitUntil("the blocker's lock", WAIT, () -> Integer.parseInt(server.sql("postgres",
                    "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.application_name ="
                            + " 'kompose-test-blocker' AND l.mode = 'AccessExclusiveLock' AND l.granted")) > 0);
            Running kompose = Running.start(fixture.kompose(), "-C", root.toString(), "app", "db:export");
            // pg_dump and the session holding its snapshot wait on the locked table (the session's size
            // estimate gives up after its lock_timeout; its counting then waits as pg_dump does)
            waitUntil("pg_dump waiting for the table lock", WAIT, () -> descendant(kompose.process().toHandle(), "pg_dump")
                    .isPresent() && fixture.komposeSessions("wait_event_type = 'Lock'") == 2);
            signal(descendant(kompose.process().toHandle(), "pg_dump").orElseThrow().pid(), "KILL");
            int exit = kompose.awaitExit();
            String output = kompose.output();
            assertEquals(1, exit, output);
            assertTrue(output.contains("pg_dump failed"), output);
            assertTrue(output.contains("[FAILED] app"), output);
        } finally {
            fixture.unblock(blocker);
        }
        assertTrue(fixture.partialFiles().isEmpty(), "temporary dump left: " + fixture.partialFiles());
        assertEquals(List.of(earlier), fixture.dumps());
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows());
    }

    @Test
    void killMinusNineOfPsqlDuringTheRestoreFailsTheStackAndDropsTheRestoreDatabase(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "killed_psql");
        Path slow = fixture.slowDump(fixture.completeDump(), 120);
        Running kompose = Running.start(fixture.kompose(), "-C", root.toString(), "app", "db:import", slow.getFileName().toString());
        waitUntil("psql sleeping in the restore", WAIT, () -> fixture.komposeSessions("query LIKE 'SELECT pg_sleep(%'") == 1);
        signal(descendant(kompose.process().toHandle(), "psql").orElseThrow().pid(), "KILL");
        int exit = kompose.awaitExit();
        String output = kompose.output();

        assertEquals(1, exit, output);
        assertTrue(output.contains("the live database was not touched"), output);
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows());
        waitUntil("the restore database to be gone", WAIT, () -> !fixture.restoreDatabaseExists());
        assertTrue(DumpFiles.isComplete(slow));
    }
}
