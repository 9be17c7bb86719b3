package dev.kompose.safety;

import static dev.kompose.testing.Faults.drain;
import static dev.kompose.testing.Faults.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.db.DumpFiles;
import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad dump files and a database server that goes away: refused or failed cleanly, the live database as it was. */
@Tag("postgres")
class DumpAndServerFaultTest {
    private final PostgresServer server = PostgresServer.get();

    private void assertRefused(DatabaseFixture fixture, Path file, String why) throws IOException {
        KomposeProcess.Result dryRun = fixture.kompose().run("-C", fixture.root.toString(), "app", "db:import",
                file.getFileName().toString(), "--dry-run");
        assertEquals(0, dryRun.exitCode(), dryRun.toString());
        assertTrue(dryRun.out().contains("NOT restorable now: "), "dry-run says so: " + dryRun);
        assertTrue(dryRun.out().contains(why), dryRun.toString());

        KomposeProcess.Result importing = fixture.kompose().run("-C", fixture.root.toString(), "app", "db:import",
                file.getFileName().toString());
        assertEquals(1, importing.exitCode(), importing.toString());
        assertTrue(importing.out().contains("[FAILED] app: check-dump: "), importing.toString());
        assertTrue(importing.out().contains(why), importing.toString());
        assertFalse(importing.out().contains("restore sql"), "nothing after the check ran: " + importing);
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows());
        assertFalse(fixture.restoreDatabaseExists());
        assertTrue(Files.exists(file), "the refused file is left as it was");
    }

    @Test
    void truncatedEmptyGarbageAndOtherDatabaseDumpsAreRefusedAndDryRunSaysSo(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "bad_dumps");
        Path complete = fixture.completeDump();
        byte[] bytes = Files.readAllBytes(complete);

        Path truncated = Files.write(fixture.stack.resolve("bad_dumps_20200101_000001.sql"),
                java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(fixture, truncated, "is not a complete pg_dump file");
        Path empty = Files.write(fixture.stack.resolve("bad_dumps_20200101_000002.sql"), new byte[0]);
        assertRefused(fixture, empty, "is empty");
        Path garbage = Files.writeString(fixture.stack.resolve("notes.sql"),
                "DROP DATABASE bad_dumps;\n-- PostgreSQL database dump complete\n");
        assertRefused(fixture, garbage, "does not start like a pg_dump file");
        Path otherDatabase = Files.write(fixture.stack.resolve("billing_20200101_000000.sql"), bytes);
        assertRefused(fixture, otherDatabase, "is named as a dump of database billing, not of bad_dumps");

        KomposeProcess.Result dryRun = fixture.kompose().run("-C", root.toString(), "app", "db:import", "--dry-run");
        assertTrue(dryRun.out().contains(complete.getFileName() + " is a complete pg_dump file of bad_dumps (complete: yes)"),
                dryRun.toString());
        KomposeProcess.Result byDefault = fixture.kompose().run("-C", root.toString(), "app", "db:import");
        assertEquals(0, byDefault.exitCode(), "the newest complete dump is chosen over the newer broken ones: " + byDefault);
        assertEquals(DatabaseFixture.DUMPED_ROWS, fixture.liveRows());
    }

    @Test
    void anUnreachableServerFailsTheStackWithoutLeavingFiles(@TempDir Path root) throws Exception {
        DatabaseFixture fixture = new DatabaseFixture(server, root, "unreachable");
        Path dump = fixture.completeDump();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Files.writeString(fixture.stack.resolve(".env"), server.envLines("unreachable").replace(
                "DB_PORT=" + server.port(), "DB_PORT=" + closedPort));

        KomposeProcess.Result export = fixture.kompose().run("-C", root.toString(), "app", "db:export");
        assertEquals(1, export.exitCode(), export.toString());
        assertTrue(export.out().contains("[FAILED] app: check: database tools: cannot reach the server on 127.0.0.1:"), export.toString());
        assertTrue(export.out().contains("Connection refused") || export.out().contains("connection"), export.toString());
        assertEquals(List.of(dump), fixture.dumps());
        assertTrue(fixture.partialFiles().isEmpty());

        KomposeProcess.Result importing = fixture.kompose().run("-C", root.toString(), "app", "db:import");
        assertEquals(1, importing.exitCode(), importing.toString());
        assertTrue(importing.out().contains("[FAILED] app: check: database tools: cannot reach the server on 127.0.0.1:"), importing.toString());
        assertFalse(importing.all().contains(PostgresServer.PASSWORD));
        assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows());
    }

    @Test
    void theServerStoppedInTheMiddleOfAnImportFailsCleanlyAndAFreshImportWorksWhenItIsBack(@TempDir Path root)
            throws Exception {
        PostgresServer privateServer = PostgresServer.startPrivate();
        try {
            DatabaseFixture fixture = new DatabaseFixture(privateServer, root, "stopped_server");
            Path slow = fixture.slowDump(fixture.completeDump(), 120);
            Process kompose = fixture.kompose().start("-C", root.toString(), "app", "db:import", slow.getFileName().toString());
            CompletableFuture<String> out = drain(kompose.getInputStream());
            drain(kompose.getErrorStream());
            waitUntil("psql restoring", Duration.ofSeconds(60),
                    () -> fixture.komposeSessions("query LIKE 'SELECT pg_sleep(%'") == 1);

            privateServer.stopServer("fast");
            assertTrue(kompose.waitFor(90, TimeUnit.SECONDS));
            String output = out.get();
            assertEquals(1, kompose.exitValue(), output);
            assertTrue(output.contains("[FAILED] app: psql: restore of " + slow.getFileName() + " failed"), output);
            assertTrue(output.contains("the live database was not touched"), output);

            privateServer.startServer();
            assertEquals(DatabaseFixture.LIVE_ROWS, fixture.liveRows(), "the live database is as it was");
            assertTrue(fixture.restoreDatabaseExists(), "the half-restored database is left (the server was gone)");
            assertTrue(DumpFiles.isComplete(slow));

            KomposeProcess.Result again = fixture.kompose().run("-C", root.toString(), "app", "db:import");
            assertEquals(0, again.exitCode(), again.toString());
            assertEquals(DatabaseFixture.DUMPED_ROWS, fixture.liveRows());
            assertFalse(fixture.restoreDatabaseExists(), "the next import dropped the leftover");
        } finally {
            privateServer.stop();
        }
    }
}
