package dev.kompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kompose.cli.ExportVerb;
import dev.kompose.compose.ComposeProgram;
import dev.kompose.db.DumpFormat;
import dev.kompose.engine.Runner;
import dev.kompose.engine.StageExecutor;
import dev.kompose.engine.StageGate;
import dev.kompose.exec.Cancellation;
import dev.kompose.plan.Plan;
import dev.kompose.read.StackReader;
import dev.kompose.render.RunPrinter;
import dev.kompose.render.Style;
import dev.kompose.stack.StackDiscovery;
import dev.kompose.testing.FakeProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the database tools run, and why, for each reason the choice knows: the first stage of a
 * db:export dry-run (and its settings line, with where each value came from), or the error that
 * stops the stack before anything runs. One stack per reason; golden text in
 * src/test/resources/golden/db-tools.txt.
 */
class DatabaseToolsGoldenTest {
    private static final String PG = "services:\n  db:\n    image: postgres:17\n";

    @TempDir
    Path root;

    private void stack(String name, String compose, String env) throws IOException {
        Path folder = Files.createDirectories(root.resolve(name));
        Files.writeString(folder.resolve("compose.yaml"), compose);
        if (env != null) {
            Files.writeString(folder.resolve(".env"), env);
        }
    }

    @Test
    void eachReasonReadsAsGolden() throws IOException {
        stack("a-zero-config", """
                services:
                  db:
                    image: postgis/postgis:16-3.4
                    environment:
                      - POSTGRES_USER=${APP_DB_USER:-app}
                      - POSTGRES_PASSWORD=${APP_DB_PASSWORD:?set it}
                    env_file: db.env
                  app:
                    image: ghcr.io/example/app:1
                    environment:
                      DB_HOST: db
                """, "APP_DB_PASSWORD=s3cret-app\n");
        Files.writeString(root.resolve("a-zero-config/db.env"), "POSTGRES_DB=appdata\n");
        stack("b-image-defaults", PG, null);
        stack("c-names-service", PG, "DB_HOST=db\nDB_NAME=shop\n");
        stack("d-names-container", "services:\n  database:\n    image: timescale/timescaledb:latest-pg16\n"
                + "    container_name: shop-pg\n", "DB_HOST=shop-pg\n");
        stack("e-other-host", PG, "DB_HOST=10.0.0.5\nDB_NAME=shop\n");
        stack("f-no-service", "services:\n  web:\n    image: nginx\n", "DB_NAME=shop\nDB_HOST=pg.internal\n");
        stack("g-client-host", PG, "DB_CLIENT=host\nDB_NAME=shop\n");
        stack("h-client-container", PG, "DB_CLIENT=container\nDB_HOST=127.0.0.1\nDB_NAME=shop\n");
        stack("i-two-services", PG + "  replica:\n    image: postgres:17\n", "DB_NAME=shop\n");
        stack("j-two-services-db-service", PG + "  replica:\n    image: postgres:17\n", "DB_NAME=shop\nDB_SERVICE=replica\n");
        stack("k-container-without-service", "services:\n  web:\n    image: nginx\n", "DB_CLIENT=container\nDB_NAME=shop\n");
        stack("l-published-port", PG.replace("postgres:17\n", "postgres:17\n    ports: [\"127.0.0.1:15432:5432\"]\n"),
                "DB_HOST=127.0.0.1\nDB_PORT=15432\nDB_NAME=shop\n");
        stack("m-bad-setting", PG, "DB_CLIENT=docker\n");

        assertGolden("db-tools.txt", firstStages(dryRunExport(Map.of())));
    }

    @Test
    void theCommandLineOptionWinsOverTheStackSetting() throws IOException {
        stack("news", PG, "DB_CLIENT=container\nDB_NAME=shop\n");
        String text = firstStages(dryRunExport(Map.of("DB_CLIENT", "host")));
        assertEquals("""
                [STACK: news]
                [DRY-RUN] 1/5 check db-tools: database tools: host (DB_CLIENT=host)
                    $ settings: DB_NAME=shop (stack .env), DB_USER=postgres (image default), DB_PASSWORD=(none)
                """, text);
    }

    private String dryRunExport(Map<String, String> overrides) throws IOException {
        StackReader reader = new StackReader(root, Map.of(), null, overrides);
        PlanningContext context = new PlanningContext(LocalDateTime.of(2025, 10, 11, 0, 50, 49), Duration.ofMinutes(10), true,
                new ComposeProgram(ComposeProgram.PLUGIN, "test"), "4242");
        ExportVerb.Export export = new ExportVerb.Export(DumpFormat.PLAIN, false);
        Plan plan = new Plan(export, StackDiscovery.discover(root).stream().map(reader::read)
                .map(snapshot -> export.plan(snapshot, context)).toList());
        StringWriter text = new StringWriter();
        new Runner(new FakeProcessRunner(), StageExecutor.DRY_RUN, StageGate.ALWAYS,
                new RunPrinter(new PrintWriter(text), Style.plain(), true), Cancellation.none()).run(plan);
        return text.toString().replace(root.toString(), "<root>");
    }

    /** Per stack: its header, the db-tools stage and its settings line, or the error that stops it. */
    private static String firstStages(String dryRun) {
        return dryRun.lines().filter(line -> line.startsWith("[STACK:") || line.contains(" db-tools: ")
                || line.contains("$ settings:") || line.contains("database tools:"))
                .map(line -> line + "\n").collect(Collectors.joining());
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path written = Path.of("target", "golden-actual", name);
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual);
        String expected;
        try (InputStream input = DatabaseToolsGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            expected = input == null ? "" : new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual, "compare with " + written.toAbsolutePath());
    }
}
