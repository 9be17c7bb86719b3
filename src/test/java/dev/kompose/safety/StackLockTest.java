package dev.kompose.safety;

import static dev.kompose.testing.Faults.drain;
import static dev.kompose.testing.Faults.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.exec.Cancellation;
import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("postgres")
class StackLockTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final PostgresServer server = PostgresServer.get();

    @Test
    void aSecondImportOfTheSameStackFailsFastNamingTheHolder(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "lock_busy");
        Path slow = fixture.slowDump(fixture.completeDump(), 20);
        Process first = fixture.kompose().start("-C", root.toString(), "app", "db:import", slow.getFileName().toString());
        CompletableFuture<String> firstOut = drain(first.getInputStream());
        drain(first.getErrorStream());
        waitUntil("the first import restoring", WAIT, () -> fixture.komposeSessions("query LIKE 'SELECT pg_sleep(%'") == 1);

        long started = System.nanoTime();
        KomposeProcess.Result second = fixture.kompose().run("-C", root.toString(), "app", "db:import");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(1, second.exitCode(), second.toString());
        assertTrue(second.out().contains("another kompose is working on this stack: pid " + first.pid()), second.toString());
        assertTrue(second.out().contains("db:import " + slow.getFileName()), "names the holder's command: " + second);
        assertTrue(second.out().contains("--wait"), second.toString());
        assertTrue(took.toSeconds() < 15, "failed fast, not after the first finished: " + took);
        assertTrue(fixture.restoreDatabaseExists(), "the second did not touch the first's restore database");

        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), firstOut.get());
        assertEquals(DatabaseFixture.DUMPED_ROWS, fixture.liveRows());
        assertEquals(0L, Files.size(StackLock.fileIn(fixture.stack)), "the body is emptied on release");
    }

    @Test
    void withWaitTheSecondImportRunsAfterTheFirst(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "lock_wait");
        Path complete = fixture.completeDump();
        Path slow = fixture.slowDump(complete, 10);
        Process first = fixture.kompose().start("-C", root.toString(), "app", "db:import", slow.getFileName().toString());
        drain(first.getInputStream());
        drain(first.getErrorStream());
        waitUntil("the first import restoring", WAIT, () -> fixture.komposeSessions("query LIKE 'SELECT pg_sleep(%'") == 1);

        KomposeProcess.Result second = fixture.kompose().run("-C", root.toString(), "app", "db:export", "--wait");

        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.out().contains("waiting for the lock on this stack, held by pid " + first.pid()), second.toString());
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue());
        assertEquals(3, fixture.dumps().size(), "the export ran after the import: " + fixture.dumps());
        String newest = Files.readString(fixture.dumps().get(0));
        assertTrue(newest.contains("dumped-three"), "the waiting export dumped the imported rows");
    }

    @Test
    void aLockBodyLeftByADeadProcessIsTakenOver(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "lock_stale");
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(StackLock.fileIn(fixture.stack), new LockOwner(dead.pid(), "mallory", LockOwner.hostName(),
                "db:import old.sql", Instant.parse("2026-01-02T03:04:05Z")).toText());

        KomposeProcess.Result export = fixture.kompose().run("-C", root.toString(), "app", "db:export");

        assertEquals(0, export.exitCode(), export.toString());
        assertTrue(export.out().contains("took over a stale lock left by pid " + dead.pid() + " (mallory@"), export.toString());
        assertTrue(export.out().contains("which is no longer running"), export.toString());
        assertEquals(1, fixture.dumps().size());
        assertEquals(0L, Files.size(StackLock.fileIn(fixture.stack)));
    }

    @Test
    void withinOneProcessASecondLockOnTheSameStackIsRefusedWithoutDroppingTheFirst(@TempDir Path folder) throws Exception {
        LockOwner me = LockOwner.current("db:export", Instant.now());
        StackLock.Attempt first = StackLock.tryAcquire(folder, me);
        StackLock held = assertInstanceOf(StackLock.Acquired.class, first).lock();
        assertInstanceOf(StackLock.Busy.class, StackLock.tryAcquire(folder, me));
        String pid = Long.toString(ProcessHandle.current().pid());
        assertTrue(Files.readAllLines(Path.of("/proc/locks")).stream().anyMatch(line -> line.contains("POSIX")
                && line.contains(" WRITE " + pid + " ")), "the kernel holds a POSIX write lock for this process");
        assertTrue(Files.readString(StackLock.fileIn(folder)).contains("pid=" + pid));
        held.close();
        assertEquals(0L, Files.size(StackLock.fileIn(folder)));
        StackLock.Attempt again = StackLock.acquire(folder, me, false, Cancellation.none(), line -> { });
        assertFalse(((StackLock.Acquired) again).staleOwner().isPresent(), "a released lock is not stale");
        ((StackLock.Acquired) again).lock().close();
    }
}
