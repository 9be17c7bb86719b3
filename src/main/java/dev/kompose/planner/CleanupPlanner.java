package dev.kompose.planner;

import dev.kompose.db.DatabaseSettings;
import dev.kompose.db.DumpEntry;
import dev.kompose.db.KeepDumpStage;
import dev.kompose.db.RemoveDumpStage;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.read.StackSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans db:cleanup for one stack from its snapshot: a keep stage for every complete dump the
 * {@link RetentionPolicy} keeps (naming the rules that keep it), then a remove stage for every
 * complete dump no rule keeps and every incomplete dump older than the newest complete one. Only
 * dumps kompose named are in the snapshot, so hand-named files are never touched. Pure.
 */
public final class CleanupPlanner {
    private CleanupPlanner() {
    }

    public static StackPlan cleanup(StackSnapshot stack, RetentionPolicy policy) {
        Optional<DatabaseSettings> settings = stack.databaseSettings();
        if (settings.isEmpty()) {
            return DatabasePlanner.withoutDatabase(stack);
        }
        List<DumpEntry> dumps = stack.dumps().entries();
        List<DumpEntry> complete = dumps.stream().filter(DumpEntry::judgedComplete).toList();
        Map<DumpEntry, List<String>> kept = policy.kept(complete, dump -> dump.file().timestamp());
        List<Stage> keeps = new ArrayList<>();
        kept.forEach((dump, rules) -> keeps.add(new KeepDumpStage(dump.path(), rules)));
        List<Stage> removals = new ArrayList<>();
        boolean olderThanNewestComplete = false;
        for (DumpEntry dump : dumps) {
            if (dump.judgedComplete()) {
                if (!kept.containsKey(dump)) {
                    removals.add(new RemoveDumpStage(dump.path(), "kept by no rule of " + policy.options()));
                }
                olderThanNewestComplete = true;
            } else if (olderThanNewestComplete) {
                removals.add(new RemoveDumpStage(dump.path(), "incomplete, and older than the newest complete dump"));
            }
        }
        if (removals.isEmpty()) {
            return StackPlan.skipped(stack.name(), stack.folder(), "nothing to clean up: " + dumps.size() + " dump"
                    + (dumps.size() == 1 ? "" : "s") + ", " + kept.size() + " kept by " + policy.options(),
                    stack.environment().problemLines());
        }
        List<Stage> stages = new ArrayList<>(keeps);
        stages.addAll(removals);
        return DatabasePlanner.plan(stack, stages, List.of());
    }
}
