package dev.kompose.safety;

import dev.kompose.db.DumpFile;
import dev.kompose.db.DumpFiles;
import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A stack "app" on the test server with a database holding known rows, and helpers to make dumps of it. */
final class DatabaseFixture {
    static final String LIVE_ROWS = "1|live-one\n2|live-two";
    static final String DUMPED_ROWS = "1|dumped-one\n2|dumped-two\n3|dumped-three";

    final PostgresServer server;
    final Path root;
    final String database;
    final Path stack;
    final Path journal;

    DatabaseFixture(PostgresServer server, Path root, String database) throws IOException {
        this.server = server;
        this.root = root;
        this.database = database;
        this.stack = new StackFolder(root).databaseStack("app", server, database);
        this.journal = root.resolve("journal.jsonl");
        server.recreateDatabase(database);
        server.sql(database, "CREATE TABLE item (id int PRIMARY KEY, name text)");
    }

    KomposeProcess kompose() {
        return new KomposeProcess().environment("KOMPOSE_JOURNAL", journal.toString());
    }

    void rows(String... values) {
        server.sql(database, "DELETE FROM item");
        for (int index = 0; index < values.length; index++) {
            server.sql(database, "INSERT INTO item VALUES (" + (index + 1) + ", '" + values[index] + "')");
        }
    }

    String liveRows() {
        return server.sql(database, "SELECT id, name FROM item ORDER BY id");
    }

    /** Exports the dumped rows with kompose, then puts the live rows back; returns the dump. */
    Path completeDump() {
        rows("dumped-one", "dumped-two", "dumped-three");
        KomposeProcess.Result export = kompose().run("-C", root.toString(), "app", "db:export");
        if (export.exitCode() != 0) {
            throw new AssertionError("export for the fixture failed: " + export);
        }
        rows("live-one", "live-two");
        return dumps().get(0);
    }

    List<Path> dumps() {
        try {
            return DumpFiles.list(stack, database).stream().map(DumpFile::path).toList();
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** A complete, valid dump named as an older dump that sleeps (pg_sleep) after loading its rows. */
    Path slowDump(Path complete, int seconds) throws IOException {
        String text = Files.readString(complete);
        int marker = text.lastIndexOf("--\n-- PostgreSQL database dump complete");
        String slow = text.substring(0, marker) + "SELECT pg_sleep(" + seconds + ");\n\n" + text.substring(marker);
        return Files.writeString(stack.resolve(database + "_20200101_000000.sql"), slow);
    }

    /** Holds an exclusive lock on item in another session so that pg_dump waits; stop with the returned process. */
    Process blockDumps(int seconds) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("psql", "-h", server.host(), "-p", Integer.toString(server.port()),
                "-U", PostgresServer.SUPERUSER, "-X", "-q", "-d", database, "-c",
                "BEGIN; LOCK TABLE item IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(" + seconds + "); COMMIT;");
        builder.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
        builder.environment().put("PGAPPNAME", "kompose-test-blocker");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        return builder.start();
    }

    void unblock(Process blocker) throws InterruptedException {
        server.sql("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kompose-test-blocker'");
        blocker.waitFor(10, TimeUnit.SECONDS);
        blocker.destroyForcibly();
    }

    /** How many sessions kompose's children have open that wait for a lock / run the given query text. */
    int komposeSessions(String condition) {
        return Integer.parseInt(server.sql("postgres",
                "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'kompose-%' AND application_name <> 'kompose-test-blocker' AND " + condition));
    }

    boolean restoreDatabaseExists() {
        return server.databaseExists(database + "__kompose_restore");
    }

    List<Path> partialFiles() throws IOException {
        return dev.kompose.testing.Faults.filesEndingWith(stack, DumpFiles.PARTIAL_SUFFIX);
    }
}
