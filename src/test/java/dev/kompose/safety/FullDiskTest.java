package dev.kompose.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stacks root on a 24 MiB tmpfs (mounted by the test; CI runs as root). A database larger
 * than that is refused before pg_dump starts; one that fits by its size but whose dump does not
 * (bytea is dumped as hex, twice its size) fills the disk: the unfinished dump is removed, no
 * file is taken for a dump and the live database is untouched.
 */
@Tag("postgres")
class FullDiskTest {
    private static final int ONE_MEBIBYTE_ROWS = 65536;
    private final PostgresServer server = PostgresServer.get();
    private Path mountPoint;

    @BeforeEach
    void mountSmallDisk(@TempDir Path folder) throws Exception {
        mountPoint = Files.createDirectories(folder.resolve("small-disk"));
        run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mountPoint.toString());
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", "-l", mountPoint.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, String.join(" ", command) + " failed");
    }

    /** Adds mebibytes of incompressible bytea (md5 chains) to the fixture's database. */
    private static void addBlob(DatabaseFixture fixture, int mebibytes) {
        fixture.server.sql(fixture.database, "CREATE TABLE blob (id int, data bytea);"
                + " ALTER TABLE blob ALTER COLUMN data SET STORAGE EXTERNAL;"
                + " INSERT INTO blob SELECT g, decode(string_agg(md5(g::text || '-' || i::text || random()::text), ''), 'hex')"
                + " FROM generate_series(1, " + mebibytes + ") g, generate_series(1, " + ONE_MEBIBYTE_ROWS + ") i GROUP BY g");
    }

    private static long databaseSize(DatabaseFixture fixture) {
        return Long.parseLong(fixture.server.sql(fixture.database, "SELECT pg_database_size(current_database())"));
    }

    @Test
    void aDatabaseLargerThanTheFreeSpaceIsRefusedBeforePgDumpStarts() throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, mountPoint, "too_big");
        fixture.rows("live-one", "live-two");
        addBlob(fixture, 30);
        assertTrue(databaseSize(fixture) > 24L << 20);

        KomposeProcess.Result export = new KomposeProcess().environment("KOMPOSE_JOURNAL", "/dev/null/none")
                .run("-C", mountPoint.toString(), "app", "db:export");

        assertEquals(1, export.exitCode(), export.toString());
        assertTrue(export.out().contains("[FAILED] app: free-space: not enough free space for the dump: database too_big is"),
                export.toString());
        assertFalse(export.out().contains("dump pg_dump"), "pg_dump did not start: " + export);
        assertEquals(List.of(), fixture.dumps());
        assertTrue(fixture.partialFiles().isEmpty());
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows());
    }

    @Test
    void aDumpThatFillsTheDiskLeavesNoFileTakenForADumpAndTheDatabaseUntouched() throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, mountPoint, "fills_disk");
        fixture.rows("live-one", "live-two");
        addBlob(fixture, 13);
        long size = databaseSize(fixture);
        assertTrue(size < Files.getFileStore(mountPoint).getUsableSpace(), "the free-space check passes: " + size);

        KomposeProcess.Result export = new KomposeProcess().environment("KOMPOSE_JOURNAL", "/dev/null/none")
                .run("-C", mountPoint.toString(), "app", "db:export");

        assertEquals(1, export.exitCode(), export.toString());
        assertTrue(export.out().contains("[FAILED] app: pg_dump: pg_dump failed"), export.toString());
        assertTrue(export.out().contains("No space left on device"), export.toString());
        assertTrue(export.out().contains("clean-up file remove"), export.toString());
        assertEquals(List.of(), fixture.dumps());
        assertTrue(fixture.partialFiles().isEmpty(), "the unfinished dump was removed");
        assertTrue(Files.getFileStore(mountPoint).getUsableSpace() > 20L << 20, "the space is free again");
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows());
        assertEquals("13", fixture.server.sql(fixture.database, "SELECT count(*) FROM blob"));
    }
}
