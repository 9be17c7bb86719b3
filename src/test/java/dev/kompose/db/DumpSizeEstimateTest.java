package dev.kompose.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The export size estimate against real dump sizes: the accuracy the docs state is measured here. */
@Tag("postgres")
class DumpSizeEstimateTest {
    private final PostgresServer server = PostgresServer.get();

    @Test
    void parsesTheLastNumberOfThePsqlOutput() {
        assertEquals(12345, DumpSizeEstimate.parse("12345\n"));
        assertEquals(-1, DumpSizeEstimate.parse(""));
        assertEquals(-1, DumpSizeEstimate.parse("ERROR: permission denied\n"));
    }

    private long estimate(String database) {
        return DumpSizeEstimate.parse(server.sql(database, DumpSizeEstimate.QUERY));
    }

    private long dumpSize(Path root, String stack, String database) throws Exception {
        KomposeProcess.Result export = new KomposeProcess().run("-C", root.toString(), stack, "db:export");
        assertEquals(0, export.exitCode(), export.toString());
        assertTrue(export.out().contains("estimated dump size: "), export.toString());
        List<DumpFile> dumps = DumpFiles.list(root.resolve(stack), database);
        return Files.size(dumps.get(0).path());
    }

    @Test
    void mixedTablesSmallAndSampledAreEstimatedWithin15Percent(@TempDir Path root) throws Exception {
        server.recreateDatabase("estimate_mixed");
        server.sql("estimate_mixed", """
                CREATE TABLE small (id int PRIMARY KEY, name text, created timestamptz, price numeric(10,2), note text);
                INSERT INTO small SELECT i, 'name ' || i, now() - i * interval '1 minute', i * 1.25,
                       CASE WHEN i % 3 = 0 THEN NULL ELSE repeat('x', i % 40) END FROM generate_series(1, 2000) i;
                CREATE TABLE big (id bigint, account int, balance int, filler char(84));
                INSERT INTO big SELECT i, i % 100, ((i::bigint * 7919) % 100000 - 50000)::int, '' FROM generate_series(1, 300000) i;
                CREATE TABLE documents (id int, body text);
                INSERT INTO documents SELECT i, repeat(md5(i::text), 200) FROM generate_series(1, 300) i;
                CREATE TABLE empty_one (id int);
                CREATE INDEX ON big (account);
                DELETE FROM big WHERE id % 10 = 0;
                """);
        new StackFolder(root).databaseStack("mixed", server, "estimate_mixed");
        long estimate = estimate("estimate_mixed");
        long actual = dumpSize(root, "mixed", "estimate_mixed");
        double ratio = (double) estimate / actual;
        System.out.printf("estimate_mixed: estimate %d, dump %d, ratio %.3f%n", estimate, actual, ratio);
        assertTrue(ratio > 0.85 && ratio < 1.15, "estimate " + estimate + " vs dump " + actual);
    }

    @Test
    void anEmptyDatabaseIsEstimatedSmall(@TempDir Path root) throws Exception {
        server.recreateDatabase("estimate_empty");
        long estimate = estimate("estimate_empty");
        assertTrue(estimate >= 0 && estimate < 10_000, "estimate " + estimate);
    }
}
