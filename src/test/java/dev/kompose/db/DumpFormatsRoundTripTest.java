package dev.kompose.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export in each format, import by file type (pg_restore --jobs for custom), and the completeness checks per format. */
@Tag("postgres")
class DumpFormatsRoundTripTest {
    private final PostgresServer server = PostgresServer.get();

    private void fill(String database) {
        server.recreateDatabase(database);
        server.sql(database, "CREATE TABLE item (id int PRIMARY KEY, name text); "
                + "INSERT INTO item SELECT i, 'name ' || i FROM generate_series(1, 20000) i; "
                + "CREATE TABLE other (id int); INSERT INTO other SELECT generate_series(1, 5000)");
    }

    @ParameterizedTest
    @CsvSource({"plain,.sql,1", "gzip,.sql.gz,1", "custom,.dump,2"})
    void exportsInTheFormatAndImportsWithTheRightTool(String format, String extension, int jobs, @TempDir Path root)
            throws Exception {
        String database = "formats_" + format;
        fill(database);
        new StackFolder(root).databaseStack("app", server, database);
        KomposeProcess.Result export = new KomposeProcess().run("-C", root.toString(), "app", "db:export", "--format", format);
        assertEquals(0, export.exitCode(), export.toString());
        List<DumpFile> dumps = DumpFiles.list(root.resolve("app"), database);
        assertEquals(1, dumps.size(), export.toString());
        assertTrue(dumps.get(0).fileName().matches(database + "_\\d{8}_\\d{6}" + extension.replace(".", "\\.")),
                dumps.get(0).fileName());
        assertEquals(DumpFormat.parse(format), DumpFormat.detect(dumps.get(0).path()));
        assertTrue(DumpFiles.isComplete(dumps.get(0).path()), DumpFiles.completenessProblem(dumps.get(0).path()).toString());
        assertTrue(export.out().contains("[PROGRESS] app: pg_dump 100% "), export.toString());
        // hashed while pg_dump wrote it (plain, gzip) or after (a custom archive pg_dump rewrites at its start)
        DumpManifest manifest = DumpManifest.readFor(dumps.get(0).path());
        assertEquals(DumpManifest.sha256Of(dumps.get(0).path()), manifest.sha256());
        assertEquals(java.nio.file.Files.size(dumps.get(0).path()), manifest.size());

        server.sql(database, "DELETE FROM item WHERE id <= 10000; DROP TABLE other");
        KomposeProcess.Result restore = new KomposeProcess().run("-C", root.toString(), "app", "db:import",
                "--jobs", Integer.toString(jobs));
        assertEquals(0, restore.exitCode(), restore.toString());
        assertEquals("20000|5000", server.sql(database, "SELECT (SELECT count(*) FROM item) || '|' || (SELECT count(*) FROM other)"));
        assertFalse(server.databaseExists(SqlNames.restoreDatabase(database)));
        assertTrue(restore.out().contains(format.equals("custom") ? "pg_restore" : "psql"), restore.toString());
        assertTrue(restore.out().contains(format.equals("custom") ? "[PROGRESS] app: pg_restore 100% " : "[PROGRESS] app: psql 100% "),
                restore.toString());
        assertFalse(restore.all().contains(PostgresServer.PASSWORD));
    }

    @ParameterizedTest
    @CsvSource({"gzip,.sql.gz", "custom,.dump", "plain,.sql"})
    void aTruncatedDumpIsIncompleteAndImportTakesTheOlderCompleteOne(String format, String extension, @TempDir Path root)
            throws Exception {
        String database = "truncated_" + format;
        fill(database);
        new StackFolder(root).databaseStack("app", server, database);
        assertEquals(0, new KomposeProcess().run("-C", root.toString(), "app", "db:export", "--format", format).exitCode());
        Path good = DumpFiles.list(root.resolve("app"), database).get(0).path();
        Path newer = root.resolve("app").resolve(database + "_29991231_235959" + extension);
        Files.copy(good, newer);
        try (RandomAccessFile file = new RandomAccessFile(newer.toFile(), "rw")) {
            file.setLength(file.length() * 2 / 3);
        }
        assertFalse(DumpFiles.isComplete(newer));
        assertTrue(DumpFiles.completenessProblem(newer).orElseThrow().startsWith(newer.getFileName().toString()),
                DumpFiles.completenessProblem(newer).orElseThrow());

        KomposeProcess.Result explicit = new KomposeProcess().run("-C", root.toString(), "app", "db:import", newer.toString());
        assertEquals(1, explicit.exitCode(), explicit.toString());
        assertEquals("20000", server.sql(database, "SELECT count(*) FROM item"), "the live database is untouched");

        server.sql(database, "DELETE FROM item");
        KomposeProcess.Result newest = new KomposeProcess().run("-C", root.toString(), "app", "db:import");
        assertEquals(0, newest.exitCode(), newest.toString());
        assertTrue(newest.out().contains(good.getFileName().toString()), newest.toString());
        assertEquals("20000", server.sql(database, "SELECT count(*) FROM item"));
    }

    @Test
    void aCustomArchiveWrittenToAPipeWithoutOffsetsStillCountsAsComplete(@TempDir Path root) throws Exception {
        fill("formats_pipe");
        Path archive = root.resolve("formats_pipe_20250101_000000.dump");
        ProcessBuilder dump = new ProcessBuilder("bash", "-c", "pg_dump -Fc -h \"$1\" -p \"$2\" -U postgres formats_pipe | cat > \"$3\"",
                "dump", server.host(), Integer.toString(server.port()), archive.toString());
        dump.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
        assertEquals(0, dump.inheritIO().start().waitFor());
        assertTrue(DumpFiles.isComplete(archive), DumpFiles.completenessProblem(archive).toString());
    }
}
