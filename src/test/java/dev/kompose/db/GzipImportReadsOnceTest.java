package dev.kompose.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.cli.CommandLines;
import dev.kompose.cli.Session;
import dev.kompose.exec.ZtProcessRunner;
import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import of the newest gzip dump reads the dump once in kompose itself (to judge it complete,
 * in the read phase; the check stage reuses that verdict), and once more in the restore's own
 * gzip process. Measured in this JVM with /proc/thread-self/io (bytes the calling thread read),
 * with the import run in-process; the earlier code read it twice there (planner and check stage).
 */
@Tag("postgres")
class GzipImportReadsOnceTest {
    private final PostgresServer server = PostgresServer.get();

    /**
     * Bytes this thread passed to read(): the read phase, the planner and the stages run on the
     * calling thread. (Not /proc/self/io: Linux adds the reads of reaped children there, and the
     * restore's gzip and psql are children.)
     */
    private static long bytesReadByThisThread() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/io"))) {
            if (line.startsWith("rchar:")) {
                return Long.parseLong(line.substring("rchar:".length()).strip());
            }
        }
        throw new IllegalStateException("no rchar in /proc/self/io");
    }

    @Test
    void theDumpIsReadOnceForTheCheck(@TempDir Path root) throws Exception {
        String database = "gzip_once";
        server.recreateDatabase(database);
        server.sql(database, "CREATE TABLE noise (id int PRIMARY KEY, text text); INSERT INTO noise SELECT i, "
                + "md5(random()::text) || md5(random()::text) || md5(random()::text) || md5(random()::text) "
                + "FROM generate_series(1, 300000) i");
        new StackFolder(root).databaseStack("app", server, database);
        KomposeProcess.Result export = new KomposeProcess().run("-C", root.toString(), "app", "db:export", "--format", "gzip");
        assertEquals(0, export.exitCode(), export.toString());
        Path dump = DumpFiles.list(root.resolve("app"), database).get(0).path();
        long size = Files.size(dump);
        assertTrue(size > 20_000_000, "a dump large enough that class loading is noise: " + size);
        server.sql(database, "DELETE FROM noise WHERE id > 10");

        StringWriter output = new StringWriter();
        Session session = new Session(Map.of("HOME", root.toString(), "KOMPOSE_JOURNAL", root.resolve("journal").toString()),
                new ZtProcessRunner(), Clock.systemDefaultZone(), new PrintWriter(output), new PrintWriter(output));
        List.of(0).forEach(warmUp -> CommandLines.create(session, question -> null).execute("-C", root.toString(), "--dry-run",
                "app", "db:list"));
        long before = bytesReadByThisThread();
        int status = CommandLines.create(session, question -> null).execute("-C", root.toString(), "--progress", "none",
                "app", "db:import");
        long read = bytesReadByThisThread() - before;

        assertEquals(0, status, output.toString());
        assertEquals("300000", server.sql(database, "SELECT count(*) FROM noise"));
        double times = (double) read / size;
        assertTrue(times >= 0.95 && times < 1.5, "kompose read the " + size + "-byte dump " + String.format("%.2f", times)
                + " times (bytes read by the calling thread: " + read + ")");
    }
}
