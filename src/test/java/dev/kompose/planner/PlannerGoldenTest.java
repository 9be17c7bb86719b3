package dev.kompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kompose.compose.ComposeProgram;
import dev.kompose.db.DumpFiles;
import dev.kompose.engine.Runner;
import dev.kompose.engine.StageExecutor;
import dev.kompose.engine.StageGate;
import dev.kompose.exec.Cancellation;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.render.RunPrinter;
import dev.kompose.render.Style;
import dev.kompose.stack.StackDiscovery;
import dev.kompose.stack.StackReader;
import dev.kompose.stack.StackSnapshot;
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
import java.util.function.Function;
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

    private String dryRun(String command, Function<StackSnapshot, StackPlan> planner) throws IOException {
        StackReader reader = new StackReader(root, Map.of(), null, Map.of());
        Plan plan = new Plan(command, StackDiscovery.discover(root).stream().map(reader::read).map(planner).toList());
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
        DatabasePlanner planner = new DatabasePlanner(Duration.ofMinutes(10), true);
        assertGolden("export.txt", dryRun("db:export", stack -> planner.export(stack, NOW)));
    }

    @Test
    void importDryRunTakesTheNewestCompleteDump() throws IOException {
        DatabasePlanner planner = new DatabasePlanner(Duration.ofMinutes(10), true);
        assertGolden("import.txt", dryRun("db:import", stack -> planner.importDump(stack, null,
                dumps(stack), false, NOW)));
    }

    @Test
    void cleanupDryRunKeepsTheNewestAndLeavesHandNamedFiles() throws IOException {
        DatabasePlanner planner = new DatabasePlanner(Duration.ofMinutes(10), true);
        assertGolden("cleanup.txt", dryRun("db:cleanup", stack -> planner.cleanup(stack, 1, dumps(stack))));
    }

    @Test
    void composeDryRunWithHooks() throws IOException {
        ComposePlanner planner = new ComposePlanner(new ComposeProgram(ComposeProgram.PLUGIN, "test"),
                Duration.ofMinutes(10), true);
        assertGolden("compose-up.txt", dryRun("up -d", stack -> planner.plan(stack, "up", List.of("-d"))));
    }

    private static List<dev.kompose.db.DumpFile> dumps(StackSnapshot stack) {
        try {
            return stack.name().equals("news") ? DumpFiles.list(stack.stack().directory(), "directus") : List.of();
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
