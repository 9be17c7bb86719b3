package dev.kompose.db;

import static dev.kompose.testing.Faults.signal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db:verify against a real server: a good dump passes, a changed byte or missing rows fail by name, nothing is left behind. */
@Tag("postgres")
class VerifyTest {
    private final PostgresServer server = PostgresServer.get();

    private Path exported(Path root, String database) throws Exception {
        server.recreateDatabase(database);
        server.sql(database, "CREATE TABLE item (id int PRIMARY KEY, name text); "
                + "INSERT INTO item SELECT i, 'name ' || i FROM generate_series(1, 20000) i; "
                + "CREATE TABLE other (id int); INSERT INTO other SELECT generate_series(1, 5000)");
        new StackFolder(root).databaseStack("app", server, database);
        KomposeProcess.Result export = new KomposeProcess().run("-C", root.toString(), "app", "db:export");
        assertEquals(0, export.exitCode(), export.toString());
        return DumpFiles.list(root.resolve("app"), database).get(0).path();
    }

    private String liveState(String database) {
        return server.sql(database, "SELECT (SELECT count(*) FROM item) || '|' || (SELECT sum(id) FROM item) || '|' "
                + "|| (SELECT count(*) FROM other)") + " " + server.databases();
    }

    @Test
    void aGoodDumpPassesAndTheLiveDatabaseAndTheListOfDatabasesStayTheSame(@TempDir Path root) throws Exception {
        String database = "verify_good";
        Path dump = exported(root, database);
        String before = liveState(database);
        KomposeProcess.Result verify = new KomposeProcess().run("-C", root.toString(), "app", "db:verify");
        assertEquals(0, verify.exitCode(), verify.toString());
        assertTrue(verify.out().contains("verified " + dump.getFileName()), verify.toString());
        assertEquals(before, liveState(database));
        assertFalse(server.databaseExists(SqlNames.verifyDatabase(database)));
        assertFalse(verify.all().contains(PostgresServer.PASSWORD));

        KomposeProcess.Result status = new KomposeProcess().run("-C", root.toString(), "app", "status");
        assertTrue(status.out().contains("yes"), status.toString());
    }

    @Test
    void oneFlippedByteInTheMiddleFailsOnTheChecksum(@TempDir Path root) throws Exception {
        String database = "verify_flipped";
        Path dump = exported(root, database);
        try (RandomAccessFile file = new RandomAccessFile(dump.toFile(), "rw")) {
            long middle = file.length() / 2;
            file.seek(middle);
            int value = file.read();
            file.seek(middle);
            file.write(value ^ 0x01);
        }
        String before = liveState(database);
        KomposeProcess.Result verify = new KomposeProcess().run("-C", root.toString(), "app", "db:verify", dump.toString());
        assertEquals(1, verify.exitCode(), verify.toString());
        assertTrue(verify.all().contains("checksum: the SHA-256 of " + dump.getFileName()), verify.toString());
        assertEquals(before, liveState(database));
        assertFalse(server.databaseExists(SqlNames.verifyDatabase(database)));
        KomposeProcess.Result status = new KomposeProcess().run("-C", root.toString(), "app", "status");
        assertTrue(status.out().contains("FAILED"), status.toString());
    }

    @Test
    void aDumpThatRestoresButMissesRowsFailsNamingTheTable(@TempDir Path root) throws Exception {
        String database = "verify_rows";
        Path dump = exported(root, database);
        Path copy = dump.resolveSibling(database + "_29991231_235959.sql");
        String text = Files.readString(dump, StandardCharsets.UTF_8);
        StringBuilder edited = new StringBuilder();
        boolean inOther = false;
        int dropped = 0;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("COPY public.other ")) {
                inOther = true;
            } else if (inOther && line.equals("\\.")) {
                inOther = false;
            } else if (inOther && dropped < 3) {
                dropped++;
                continue;
            }
            edited.append(line).append('\n');
        }
        edited.setLength(edited.length() - 1);
        Files.writeString(copy, edited, StandardCharsets.UTF_8);
        DumpManifest original = DumpManifest.readFor(dump);
        new DumpManifest(original.stack(), original.database(), copy.getFileName().toString(), Files.size(copy),
                DumpManifest.sha256Of(copy), original.format(), original.server(), original.client(), original.started(),
                original.ended(), original.hooks(), original.tables()).writeBeside(copy);

        String before = liveState(database);
        KomposeProcess.Result verify = new KomposeProcess().run("-C", root.toString(), "app", "db:verify", copy.toString());
        assertEquals(1, verify.exitCode(), verify.toString());
        assertTrue(verify.all().contains("public.other: 5000 in the manifest, 4997 restored"), verify.toString());
        assertFalse(verify.all().contains("public.item:"), verify.toString());
        assertEquals(before, liveState(database));
        assertFalse(server.databaseExists(SqlNames.verifyDatabase(database)));
    }

    @Test
    void ctrlCDuringVerifyLeavesNoScratchDatabase(@TempDir Path root) throws Exception {
        String database = "verify_cancelled";
        server.recreateDatabase(database);
        server.sql(database, "CREATE TABLE item (id int, name text); "
                + "INSERT INTO item SELECT i, repeat('x', 200) FROM generate_series(1, 1500000) i");
        new StackFolder(root).databaseStack("app", server, database);
        assertEquals(0, new KomposeProcess().run("-C", root.toString(), "app", "db:export").exitCode());
        String before = server.databases().toString();

        Process kompose = new KomposeProcess().start("-C", root.toString(), "app", "db:verify");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.databaseExists(SqlNames.verifyDatabase(database)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(server.databaseExists(SqlNames.verifyDatabase(database)), "the restore into the scratch database began");
        Thread.sleep(300);
        signal(kompose.pid(), "INT");
        assertTrue(kompose.waitFor(60, TimeUnit.SECONDS));
        String output = new String(kompose.getInputStream().readAllBytes()) + new String(kompose.getErrorStream().readAllBytes());
        assertEquals(130, kompose.exitValue(), output);
        assertFalse(server.databaseExists(SqlNames.verifyDatabase(database)), output);
        assertEquals(before, server.databases().toString());
        assertEquals("1500000", server.sql(database, "SELECT count(*) FROM item"));
    }
}
