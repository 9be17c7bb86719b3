package dev.kompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.compose.ComposeFacts;
import dev.kompose.compose.ComposeService;
import dev.kompose.db.CheckDumpStage;
import dev.kompose.db.DumpCatalog;
import dev.kompose.db.DumpEntry;
import dev.kompose.db.DumpFile;
import dev.kompose.db.DumpFormat;
import dev.kompose.db.DumpVerdict;
import dev.kompose.db.RemoveDumpStage;
import dev.kompose.db.RestoreStage;
import dev.kompose.hooks.HookCatalog;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.read.StackSnapshot;
import dev.kompose.stack.Stack;
import dev.kompose.stack.StackEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The planners are pure: snapshots built in memory, for a stack folder that does not exist and
 * dumps that are not on any disk, plan exactly as the snapshot says. A planner that read a file
 * would find nothing there and plan differently.
 */
class PurePlannerTest {
    private static final Path FOLDER = Path.of("/nonexistent-kompose-root/news");
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 10, 11, 0, 50, 49);
    private static final PlanningContext CONTEXT = new PlanningContext(NOW, Duration.ofMinutes(10), false, null);

    private static DumpEntry dump(String day, boolean complete) {
        Path file = FOLDER.resolve("directus_202510" + day + "_120000.sql");
        Optional<String> problem = complete ? Optional.empty() : Optional.of(file.getFileName() + " is truncated");
        return new DumpEntry(new DumpFile(file, LocalDateTime.of(2025, 10, Integer.parseInt(day), 12, 0), 1, 1000 + Integer.parseInt(day)),
                Optional.of(new DumpVerdict(DumpFormat.PLAIN, problem, problem, 1000, 0)));
    }

    private static StackSnapshot snapshot(DumpCatalog dumps) {
        Map<String, String> values = Map.of("DB_NAME", "directus", "DB_USER", "directus", "DB_PASSWORD", "pw-secret");
        return new StackSnapshot(new Stack("news", FOLDER, FOLDER.resolve("compose.yaml")), FOLDER.getParent(),
                new StackEnvironment(values, values, List.of()),
                HookCatalog.parse(FOLDER.resolve("hooks.sh"), "hook_pre_db_import() {\n  echo pre\n}\n"),
                ComposeFacts.of("", List.of(ComposeService.of("db", "postgres:17"))), dumps);
    }

    @Test
    void importTakesTheNewestDumpTheReadPhaseJudgedCompleteWithoutLookingAtTheDisk() {
        assertFalse(Files.exists(FOLDER));
        DumpCatalog dumps = new DumpCatalog(List.of(dump("12", false), dump("11", true), dump("10", true)), Optional.empty());

        StackPlan plan = new DatabasePlanner(CONTEXT).importDump(snapshot(dumps), false, 1);

        assertEquals("db-tools", plan.stages().get(0).name(), "where the tools run comes first");
        Stage check = plan.stages().get(1);
        assertTrue(check instanceof CheckDumpStage, plan.stages().toString());
        assertEquals(FOLDER.resolve("directus_20251011_120000.sql"), ((CheckDumpStage) check).dumpFile());
        assertTrue(check.description().endsWith("(complete: yes)"), check.description());
        assertEquals(List.of("db-tools", "check-dump", "pre_db_import", "create-database", "psql", "swap", "drop-previous"),
                plan.stages().stream().map(Stage::name).toList());
        RestoreStage restore = (RestoreStage) plan.stages().get(4);
        assertEquals(1011, restore.dumpSize(), "the size the read phase found, not a stat now");
        assertEquals(FOLDER, plan.folder());
    }

    @Test
    void aRequestedFileIsTakenAsJudgedEvenWhenOlderDumpsAreComplete() {
        DumpEntry requested = dump("01", false);
        StackPlan plan = new DatabasePlanner(CONTEXT).importDump(snapshot(new DumpCatalog(List.of(dump("11", true)),
                Optional.of(requested))), false, 1);
        assertTrue(plan.stages().get(1).description().contains("NOT restorable now: directus_20251001_120000.sql is truncated"),
                plan.stages().get(1).description());
    }

    @Test
    void withNoCompleteDumpTheStackFailsAtPlanningNamingWhy() {
        StackPlan plan = new DatabasePlanner(CONTEXT).importDump(snapshot(new DumpCatalog(List.of(dump("12", false)),
                Optional.empty())), false, 1);
        assertEquals("none of the 1 dumps of directus is complete; nothing to import", plan.stages().get(0).description());
    }

    @Test
    void cleanupDeletesByTheVerdictsOfTheReadPhase() {
        DumpCatalog dumps = new DumpCatalog(List.of(dump("13", false), dump("12", true), dump("11", false), dump("10", true)),
                Optional.empty());
        StackPlan plan = CleanupPlanner.cleanup(snapshot(dumps), RetentionPolicy.newest(1));
        assertEquals(List.of("directus_20251011_120000.sql", "directus_20251010_120000.sql"), plan.stages().stream()
                .filter(stage -> stage instanceof RemoveDumpStage)
                .map(stage -> ((RemoveDumpStage) stage).file().getFileName().toString()).toList());
    }

    @Test
    void exportNamesTheDumpFromTheContextsTime() {
        StackPlan plan = new DatabasePlanner(CONTEXT).export(snapshot(DumpCatalog.EMPTY), DumpFormat.GZIP);
        assertTrue(plan.stages().stream().anyMatch(stage -> stage.description().contains("directus_20251011_005049.sql.gz")),
                plan.stages().toString());
        assertTrue(plan.secretValues().contains("pw-secret"));
    }
}
