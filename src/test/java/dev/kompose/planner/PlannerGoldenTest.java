package dev.kompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kompose.compose.ComposeProgram;
import dev.kompose.cli.CleanupVerb;
import dev.kompose.cli.ComposeVerb;
import dev.kompose.cli.ExportVerb;
import dev.kompose.cli.ImportVerb;
import dev.kompose.db.DumpFormat;
import dev.kompose.engine.Runner;
import dev.kompose.engine.StageExecutor;
import dev.kompose.engine.StageGate;
import dev.kompose.exec.Cancellation;
import dev.kompose.plan.Plan;
import dev.kompose.render.RunPrinter;
import dev.kompose.render.Style;
import dev.kompose.stack.StackDiscovery;
import dev.kompose.read.StackReader;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planners compared against golden dry-run text: what an operator sees before anything runs.
 * The files are in src/test/resources/golden; the temp root shows as &lt;root&gt;.
 */
class PlannerGoldenTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 10, 11, 0, 50, 49);
    private static final String DUMP_TEXT = "--\n-- PostgreSQL database dump\n--\n\n--\n-- PostgreSQL database dump complete\n--\n";
    @TempDir
    Path root;

    @BeforeEach
    void stacks() throws IOException {
        Path news = Files.createDirectories(root.resolve("news"));
        Files.writeString(news.resolve("compose.yaml"), "services:\n  db:\n    image: postgres:16-alpine\n");
        Files.writeString(news.resolve(".env"), "DB_NAME=directus\nDB_USER=directus\nDB_PASSWORD=hunter2-secret\nDB_PORT=15432\n");
        Files.writeString(news.resolve("hooks.sh"), """
                hook_pre_db_export() {
                    echo "  Exporting application schema..."
                }
                hook_post_db_import() { docker restart news_api; }
                hook_pre_up() { echo "  starting $1"; }
                """);
        Files.writeString(news.resolve("directus_20251010_120000.sql"), DUMP_TEXT);
        Files.writeString(news.resolve("directus_20251009_120000.sql"), DUMP_TEXT);
        Files.writeString(news.resolve("directus_20251008_120000.sql"), "-- truncated");
        Files.writeString(news.resolve("directus_before_upgrade.sql"), DUMP_TEXT);
        Path web = Files.createDirectories(root.resolve("web"));
        Files.writeString(web.resolve("docker-compose.yml"), "services:\n  web:\n    image: nginx\n");
    }

    /** The read phase as a run does it (dumps judged as far as the operation needs), then the operation's planner, printed as dry-run. */
    private String dryRun(RunOperation operation) throws IOException {
        StackReader reader = new StackReader(root, Map.of(), null, Map.of());
        PlanningContext context = new PlanningContext(NOW, Duration.ofMinutes(10), true,
                new ComposeProgram(ComposeProgram.PLUGIN, "test"));
        Plan plan = new Plan(operation, StackDiscovery.discover(root).stream()
                .map(stack -> reader.read(stack, operation.dumpReading(), operation.requestedDump()))
                .map(snapshot -> operation.plan(snapshot, context)).toList());
        StringWriter text = new StringWriter();
        new Runner(new FakeProcessRunner(), StageExecutor.DRY_RUN, StageGate.ALWAYS,
                new RunPrinter(new PrintWriter(text), Style.plain(), true), Cancellation.none()).run(plan);
        return text.toString().replace(root.toString(), "<root>");
    }

    private static String golden(String name) throws IOException {
        try (InputStream input = PlannerGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void assertGolden(String name, String actual) throws IOException {
        Path written = Path.of("target", "golden-actual", name);
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual);
        assertEquals(golden(name), actual, "compare with " + written.toAbsolutePath());
    }

    @Test
    void exportDryRun() throws IOException {
        assertGolden("export.txt", dryRun(new ExportVerb.Export(DumpFormat.PLAIN, false)));
    }

    @Test
    void importDryRunTakesTheNewestCompleteDump() throws IOException {
        assertGolden("import.txt", dryRun(new ImportVerb.Import(null, false, 1, false)));
    }

    @Test
    void cleanupDryRunKeepsTheNewestAndLeavesHandNamedFiles() throws IOException {
        assertGolden("cleanup.txt", dryRun(new CleanupVerb.Cleanup(dev.kompose.planner.RetentionPolicy.newest(1), false)));
    }

    @Test
    void composeDryRunWithHooks() throws IOException {
        assertGolden("compose-up.txt", dryRun(new ComposeVerb.Compose("up", List.of("-d"))));
    }
}
