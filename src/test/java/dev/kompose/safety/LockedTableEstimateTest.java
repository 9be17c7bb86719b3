package dev.kompose.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size estimate runs in the session holding the dump's snapshot: when it fails — here a table
 * locked for longer than its 2 s lock timeout — the export goes on without a percentage, and the
 * session's row counts (and pg_dump) simply wait for the lock.
 */
@Tag("postgres")
class LockedTableEstimateTest {
    private final PostgresServer server = PostgresServer.get();

    @Test
    void anEstimateThatGivesUpCostsOnlyThePercentage(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "estimate_locked");
        fixture.rows("one", "two", "three");
        Process blocker = fixture.blockDumps(5);
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"1".equals(server.sql("postgres", "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
                    + " WHERE a.application_name = 'kompose-test-blocker' AND l.mode = 'AccessExclusiveLock' AND l.granted"))) {
                assertTrue(System.nanoTime() < deadline, "the blocker never took its lock");
                Thread.sleep(50);
            }
            KomposeProcess.Result export = fixture.kompose().run("-C", root.toString(), "app", "db:export");

            assertEquals(0, export.exitCode(), export.toString());
            assertFalse(export.out().contains("estimated dump size"), "the estimate gave up:\n" + export);
            List<Path> dumps = fixture.dumps();
            assertEquals(1, dumps.size(), export.toString());
            String manifest = Files.readString(Path.of(dumps.get(0) + ".manifest.json"));
            assertTrue(manifest.replace(" ", "").contains("\"public.item\":3"), manifest);
        } finally {
            fixture.unblock(blocker);
        }
    }
}
