package dev.kompose.safety;

import static dev.kompose.testing.Faults.processesWithArgument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hooks that fail, hang, fork, read stdin or flood the output, around a real import. */
@Tag("postgres")
class HookFaultTest {
    private final PostgresServer server = PostgresServer.get();

    private KomposeProcess.Result importWith(DatabaseFixture fixture, String hooks, String... options) throws Exception {
        new StackFolder(fixture.root).hooks("app", hooks);
        List<String> arguments = new java.util.ArrayList<>(List.of(options));
        arguments.addAll(List.of("-C", fixture.root.toString(), "app", "db:import"));
        return fixture.kompose().timeout(Duration.ofSeconds(120)).run(arguments.toArray(String[]::new));
    }

    @Test
    void aFailingPreHookStopsTheImportBeforeTheDatabaseIsTouched(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "hook_fails");
        fixture.completeDump();
        KomposeProcess.Result result = importWith(fixture, "hook_pre_db_import() { echo 'refusing'; return 3; }\n");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains("[FAILED] app: pre_db_import: hook hook_pre_db_import failed"), result.toString());
        assertTrue(result.out().contains("refusing"), result.toString());
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows());
        assertFalse(fixture.restoreDatabaseExists());
    }

    @Test
    void aHookHangingPastTheTimeoutIsKilledWithItsChildren(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "hook_hangs");
        fixture.completeDump();
        long started = System.nanoTime();
        KomposeProcess.Result result = importWith(fixture,
                "hook_pre_db_import() { sleep 4201 & sleep 4202; }\n", "--hook-timeout", "2s");
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains("hook hook_pre_db_import failed"), result.toString());
        assertTrue(result.out().contains("timed out") || result.out().contains("timeout"), result.toString());
        assertTrue(seconds < 30, "killed after the timeout, took " + seconds + "s");
        assertEquals(List.of(), processesWithArgument("4201"), "the hook's background sleep is gone");
        assertEquals(List.of(), processesWithArgument("4202"), "the hook's sleep is gone");
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows());
    }

    @Test
    void aHookThatLeavesABackgroundChildDoesNotHangTheImport(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "hook_forks");
        fixture.completeDump();
        long started = System.nanoTime();
        KomposeProcess.Result result = importWith(fixture,
                "hook_pre_db_import() { sleep 4301 & echo forked; }\n", "--hook-timeout", "20s");
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(List.of(), processesWithArgument("4301"), "the forked child does not outlive kompose");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(seconds < 20, "took " + seconds + "s");
        assertTrue(result.out().contains("kompose: stopped the processes it left running in the background"), result.toString());
        assertEquals(DatabaseFixture.DUMPED_ROWS, fixture.liveRows());
    }

    @Test
    void aHookReadingStandardInputGetsEndOfFileAtOnce(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "hook_stdin");
        fixture.completeDump();
        KomposeProcess.Result result = importWith(fixture,
                "hook_pre_db_import() { if read -r answer; then echo \"read [$answer]\"; else echo 'stdin is empty'; fi; }\n",
                "--hook-timeout", "20s");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("stdin is empty"), result.toString());
        assertEquals(DatabaseFixture.DUMPED_ROWS, fixture.liveRows());
    }

    @Test
    void aHookPrintingMegabytesDoesNotBlockOrBreakTheImport(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "hook_floods");
        fixture.completeDump();
        KomposeProcess.Result result = importWith(fixture,
                "hook_pre_db_import() { head -c 8000000 /dev/zero | tr '\\0' 'x' | fold -w 200; "
                        + "head -c 2000000 /dev/zero | tr '\\0' 'y' >&2; echo; echo flood-done; }\n",
                "--hook-timeout", "60s");
        assertEquals(0, result.exitCode(), result.toString().substring(0, 2000));
        assertTrue(result.out().length() > 8_000_000, "the output was passed on: " + result.out().length());
        assertTrue(result.out().contains("flood-done"));
        assertEquals(DatabaseFixture.DUMPED_ROWS, fixture.liveRows());
    }
}
