package dev.kompose.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("postgres")
class ExportImportRoundTripTest {
    private final PostgresServer server = PostgresServer.get();

    @Test
    void exportThenChangeThenImportRestoresTheDumpedData(@TempDir Path root) throws Exception {
        server.recreateDatabase("roundtrip");
        server.sql("roundtrip", "CREATE TABLE item (id int PRIMARY KEY, name text); INSERT INTO item VALUES (1, 'one'), (2, 'two')");
        new StackFolder(root).databaseStack("app", server, "roundtrip");

        KomposeProcess.Result export = new KomposeProcess().run("-C", root.toString(), "app", "db:export");
        assertEquals(0, export.exitCode(), export.toString());
        List<Path> dumps = DumpFiles.list(root.resolve("app"), "roundtrip").stream().map(DumpFile::path).toList();
        assertEquals(1, dumps.size(), export.toString());
        assertTrue(DumpFiles.isComplete(dumps.get(0)));
        assertTrue(export.out().contains("Summary: 1 succeeded, 0 failed out of 1 stacks"), export.toString());
        assertFalse(export.all().contains(PostgresServer.PASSWORD), "password leaked: " + export);

        server.sql("roundtrip", "DELETE FROM item WHERE id = 1; INSERT INTO item VALUES (3, 'three')");

        KomposeProcess.Result restore = new KomposeProcess().run("-C", root.toString(), "app", "db:import");
        assertEquals(0, restore.exitCode(), restore.toString());
        assertEquals("1|one\n2|two", server.sql("roundtrip", "SELECT id, name FROM item ORDER BY id"));
        assertFalse(server.databaseExists(SqlNames.restoreDatabase("roundtrip")));
        assertFalse(server.databaseExists(SqlNames.previousDatabase("roundtrip")));
        assertFalse(restore.all().contains(PostgresServer.PASSWORD), "password leaked: " + restore);
        assertTrue(Files.exists(dumps.get(0)), "the dump is still there");
    }
}
