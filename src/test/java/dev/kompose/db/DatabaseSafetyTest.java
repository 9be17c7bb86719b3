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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original script's data-loss cases, each against a real PostgreSQL server. */
@Tag("postgres")
class DatabaseSafetyTest {
    private final PostgresServer server = PostgresServer.get();
    @TempDir
    Path root;
    StackFolder stacks;

    @BeforeEach
    void setUp() {
        stacks = new StackFolder(root);
    }

    private KomposeProcess.Result kompose(String... arguments) {
        List<String> all = new java.util.ArrayList<>(List.of("-C", root.toString()));
        all.addAll(List.of(arguments));
        return new KomposeProcess().run(all.toArray(String[]::new));
    }

    private void seed(String database, String... rows) {
        server.recreateDatabase(database);
        server.sql(database, "CREATE TABLE item (id int PRIMARY KEY, name text)");
        for (int index = 0; index < rows.length; index++) {
            server.sql(database, "INSERT INTO item VALUES (" + (index + 1) + ", '" + rows[index] + "')");
        }
    }

    private String items(String database) {
        return server.sql(database, "SELECT string_agg(name, ',' ORDER BY id) FROM item");
    }

    private Path onlyDump(String stack, String database) throws Exception {
        List<DumpFile> dumps = DumpFiles.list(root.resolve(stack), database);
        assertEquals(1, dumps.size(), "dumps: " + dumps);
        return dumps.get(0).path();
    }

    @Test
    void aTruncatedDumpIsRefusedAndTheLiveDatabaseStays() throws Exception {
        seed("truncated_case", "alpha", "beta");
        stacks.databaseStack("app", server, "truncated_case");
        assertEquals(0, kompose("app", "db:export").exitCode());
        Path dump = onlyDump("app", "truncated_case");
        String text = Files.readString(dump);
        Files.writeString(dump, text.substring(0, text.indexOf("COPY public.item") + 40));
        server.sql("truncated_case", "INSERT INTO item VALUES (3, 'gamma')");

        KomposeProcess.Result result = kompose("app", "db:import", dump.getFileName().toString());

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains("is not a complete pg_dump file"), result.out());
        assertEquals("alpha,beta,gamma", items("truncated_case"));
        assertTrue(result.out().contains("Summary: 0 succeeded, 1 failed out of 1 stacks"), result.out());
    }

    @Test
    void aDumpThatFailsHalfWayThroughTheRestoreLeavesTheLiveDatabaseAndNoLeftovers() throws Exception {
        seed("midway_case", "alpha", "beta");
        stacks.databaseStack("app", server, "midway_case");
        assertEquals(0, kompose("app", "db:export").exitCode());
        Path dump = onlyDump("app", "midway_case");
        Files.writeString(dump, Files.readString(dump).replace("CREATE TABLE public.item",
                "SELECT no_such_function();\nCREATE TABLE public.item"));
        server.sql("midway_case", "INSERT INTO item VALUES (3, 'gamma')");

        KomposeProcess.Result result = kompose("app", "db:import");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains("the live database was not touched"), result.out());
        assertEquals("alpha,beta,gamma", items("midway_case"));
        assertFalse(server.databaseExists(SqlNames.restoreDatabase("midway_case")), "the half-restored copy is dropped");
        assertEquals("t", server.sql("postgres", "SELECT datallowconn FROM pg_database WHERE datname = 'midway_case'"));
    }

    @Test
    void aFailedExportLeavesNoFileThatCouldBeTakenForADump() throws Exception {
        server.dropDatabase("missing_case");
        stacks.databaseStack("app", server, "missing_case");

        KomposeProcess.Result result = kompose("app", "db:export");

        assertEquals(1, result.exitCode(), result.toString());
        // the free-space check asks the server first and fails; pg_dump failing later is covered by the
        // kill -9 and full-disk tests in dev.kompose.safety
        assertTrue(result.out().contains("nothing was dumped"), result.out());
        try (var files = Files.list(root.resolve("app"))) {
            assertEquals(List.of(".env", ".kompose.lock", "compose.yaml"), files.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void hostileAndMixedCaseDatabaseNamesAreDataNotSql() throws Exception {
        seed("other", "must", "survive");
        for (String database : List.of("other --", "it's", "a\"b", "Mixed-Case", "x; DROP DATABASE other")) {
            String stack = "s" + Math.abs(database.hashCode());
            seed(database, "one", "two");
            stacks.databaseStack(stack, server, database);
            stacks.env(stack, server.envLines("'" + database.replace("'", "") + "'").replace("DB_NAME='" + database.replace("'", "") + "'",
                    "DB_NAME=\"" + database.replace("\"", "\\\"") + "\""));

            KomposeProcess.Result export = kompose(stack, "db:export");
            assertEquals(0, export.exitCode(), database + ": " + export);
            server.sql(database, "DELETE FROM item WHERE id = 1");
            KomposeProcess.Result restore = kompose(stack, "db:import");
            assertEquals(0, restore.exitCode(), database + ": " + restore);
            assertEquals("one,two", items(database), database);
        }
        assertEquals("must,survive", items("other"));
    }

    @Test
    void oneFailingStackDoesNotStopTheOthersAndTheSummaryCountsThem() throws Exception {
        seed("first_ok", "a");
        seed("third_ok", "c");
        server.dropDatabase("second_missing");
        stacks.databaseStack("first", server, "first_ok");
        stacks.databaseStack("second", server, "second_missing");
        stacks.databaseStack("third", server, "third_ok");
        stacks.stackWithoutDatabase("web");

        KomposeProcess.Result result = kompose("*", "db:export");

        assertEquals(1, result.exitCode(), result.toString());
        onlyDump("first", "first_ok");
        onlyDump("third", "third_ok");
        assertTrue(result.out().contains("[SKIP] web: no database"), result.out());
        assertTrue(result.out().contains("Summary: 3 succeeded, 1 failed out of 4 stacks"), result.out());
    }

    @Test
    void importKeepsTheOwnerEndsSessionsAndCanKeepThePreviousDatabase() throws Exception {
        server.sql("postgres", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_owner') THEN"
                + " CREATE ROLE app_owner; END IF; END $$");
        seed("owned_case", "old");
        server.sql("postgres", "ALTER DATABASE owned_case OWNER TO app_owner");
        stacks.databaseStack("app", server, "owned_case");
        assertEquals(0, kompose("app", "db:export").exitCode());
        server.sql("owned_case", "UPDATE item SET name = 'changed'");
        Process session = new ProcessBuilder("psql", "-h", server.host(), "-p", Integer.toString(server.port()), "-U",
                PostgresServer.SUPERUSER, "-d", "owned_case", "-c", "SELECT pg_sleep(120)")
                .redirectErrorStream(true).start();
        session.getOutputStream().close();
        Thread.sleep(500);

        KomposeProcess.Result result = kompose("app", "db:import", "--keep-previous");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("old", items("owned_case"));
        assertEquals("app_owner", server.sql("postgres",
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'owned_case'"));
        assertTrue(session.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the open session was ended");
        String kept = server.sql("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'owned_case_previous_%'");
        assertEquals("changed", items(kept));
        server.dropDatabase(kept);
    }

    @Test
    void importCreatesADatabaseThatDoesNotExistYet() throws Exception {
        seed("fresh_source", "x", "y");
        stacks.databaseStack("app", server, "fresh_source");
        assertEquals(0, kompose("app", "db:export").exitCode());
        server.dropDatabase("fresh_source");

        KomposeProcess.Result result = kompose("app", "db:import");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("x,y", items("fresh_source"));
    }

    @Test
    void importRefusesAFileThatIsNotADump() throws Exception {
        seed("garbage_case", "keep");
        stacks.databaseStack("app", server, "garbage_case");
        Files.writeString(root.resolve("app/notes.sql"), "DROP TABLE item;\n");

        KomposeProcess.Result result = kompose("app", "db:import", "notes.sql");

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("keep", items("garbage_case"));
    }
}
