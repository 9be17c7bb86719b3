package dev.kompose.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's row counts come from the dump's own snapshot, not from the live tables a writer keeps changing. */
@Tag("postgres")
class ManifestSnapshotTest {
    private final PostgresServer server = PostgresServer.get();

    /** A pg_dump that waits two seconds before it starts, so rows inserted meanwhile would show in an unsnapshotted dump. */
    static Path slowPgDump(Path folder) throws Exception {
        Process which = new ProcessBuilder("bash", "-c", "command -v pg_dump").start();
        String real = new String(which.getInputStream().readAllBytes()).strip();
        Path bin = Files.createDirectories(folder.resolve("slow-bin"));
        Path script = bin.resolve("pg_dump");
        Files.writeString(script, "#!/bin/bash\n[ \"$1\" = --version ] || sleep 2\nexec " + real + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    void rowCountsMatchTheRestoredDumpWhileAWriterInsertsDuringTheExport(@TempDir Path root) throws Exception {
        String database = "manifest_snapshot";
        server.recreateDatabase(database);
        server.sql(database, "CREATE TABLE item (id serial PRIMARY KEY, name text); "
                + "INSERT INTO item (name) SELECT 'name ' || i FROM generate_series(1, 20000) i; "
                + "CREATE TABLE \"odd|name\" (id int); INSERT INTO \"odd|name\" SELECT generate_series(1, 7)");
        new StackFolder(root).databaseStack("app", server, database);
        Path slow = slowPgDump(root);

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger inserted = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                server.sql(database, "INSERT INTO item (name) SELECT 'live' FROM generate_series(1, 100)");
                inserted.addAndGet(100);
            }
        });
        writer.start();
        KomposeProcess.Result export;
        try {
            export = new KomposeProcess().environment("PATH", slow + ":" + System.getenv("PATH"))
                    .run("-C", root.toString(), "app", "db:export");
        } finally {
            writing.set(false);
            writer.join();
        }
        assertEquals(0, export.exitCode(), export.toString());
        Path dump = DumpFiles.list(root.resolve("app"), database).get(0).path();
        DumpManifest manifest = DumpManifest.readFor(dump);
        long live = Long.parseLong(server.sql(database, "SELECT count(*) FROM item"));
        long counted = manifest.tables().get("public.item");
        assertTrue(live > counted, "the writer inserted during the export: live " + live + ", manifest " + counted
                + ", inserted " + inserted.get());

        assertEquals(0, new KomposeProcess().run("-C", root.toString(), "app", "db:import", dump.toString()).exitCode());
        assertEquals(Long.toString(counted), server.sql(database, "SELECT count(*) FROM item"),
                "the manifest counts what is in the dump");
        assertEquals(Map.of("public.item", counted, "public.odd|name", 7L), manifest.tables());

        assertEquals("app", manifest.stack());
        assertEquals(database, manifest.database());
        assertEquals(dump.getFileName().toString(), manifest.file());
        assertEquals(Files.size(dump), manifest.size());
        assertEquals(DumpManifest.sha256Of(dump), manifest.sha256());
        assertEquals("plain", manifest.format());
        assertEquals(server.sql("postgres", "SHOW server_version"), manifest.server());
        assertTrue(manifest.client().startsWith("pg_dump "), manifest.client());
        assertTrue(manifest.started().compareTo(manifest.ended()) <= 0, manifest.started() + " " + manifest.ended());
        assertEquals(List.of(), manifest.hooks());
        Map<?, ?> document = (Map<?, ?>) dev.kompose.json.JsonText.read(Files.readString(DumpManifest.pathFor(dump)));
        assertEquals(DumpManifest.SCHEMA, document.get("schema"));
        assertTrue(Files.list(root.resolve("app")).noneMatch(file -> file.toString().endsWith(DumpFiles.PARTIAL_SUFFIX)));
    }

    @Test
    void theHooksThatRanAreListedAndADumpWithoutManifestStillImports(@TempDir Path root) throws Exception {
        String database = "manifest_hooks";
        server.recreateDatabase(database);
        server.sql(database, "CREATE TABLE item (id int); INSERT INTO item SELECT generate_series(1, 10)");
        StackFolder folder = new StackFolder(root);
        folder.databaseStack("app", server, database);
        folder.hooks("app", "hook_pre_db_export() { :; }\n");
        assertEquals(0, new KomposeProcess().run("-C", root.toString(), "app", "db:export").exitCode());
        Path dump = DumpFiles.list(root.resolve("app"), database).get(0).path();
        assertEquals(List.of("pre_db_export"), DumpManifest.readFor(dump).hooks());

        Files.delete(DumpManifest.pathFor(dump));
        server.sql(database, "DELETE FROM item");
        assertEquals(0, new KomposeProcess().run("-C", root.toString(), "app", "db:import").exitCode());
        assertEquals("10", server.sql(database, "SELECT count(*) FROM item"));
    }
}
