package dev.kompose.cli;

import dev.kompose.db.DumpCatalog;
import dev.kompose.plan.StackPlan;
import dev.kompose.planner.CleanupPlanner;
import dev.kompose.planner.PlanningContext;
import dev.kompose.planner.RetentionPolicy;
import dev.kompose.planner.RunOperation;
import dev.kompose.read.StackSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code db:cleanup [--keep N] [--keep-daily D] [--keep-weekly W] [--keep-monthly M]}: delete the
 * complete dumps kompose named that no retention rule keeps (the newest complete one always stays).
 */
@Command(name = "db:cleanup", sortOptions = false,
        description = {"Delete the dumps of each selected stack that no retention rule keeps. "
            + "Rules count as restic's forget does: each keeps the newest dump of each of its last N days, "
            + "ISO weeks or months that hold one; what any rule keeps stays. Without rules: --keep 1.",
            "The newest complete dump always stays; incomplete dumps older than it go; a dump's "
            + "manifest (<dump>.manifest.json) goes with it; hand-named files are never touched."})
public final class CleanupVerb implements StackVerb {
    @Option(names = "--keep", paramLabel = "N", description = "Keep the newest N complete dumps (default 1 when no other rule is given).")
    Integer keep;

    @Option(names = "--keep-daily", paramLabel = "D", description = "Keep the newest dump of each of the last D days that have one.")
    int keepDaily;

    @Option(names = "--keep-weekly", paramLabel = "W", description = "Keep the newest dump of each of the last W ISO weeks that have one.")
    int keepWeekly;

    @Option(names = "--keep-monthly", paramLabel = "M", description = "Keep the newest dump of each of the last M months that have one.")
    int keepMonthly;

    @Mixin
    VerbOptions.LockedRun run = new VerbOptions.LockedRun();

    @Override
    public int execute(String pattern, Operations operations) {
        return operations.run(pattern, new Cleanup(policy(), run.lockWait.waitForLock), run.dryRun.dryRun);
    }

    /** The rules given; none at all means --keep 1, as before the calendar rules existed. */
    RetentionPolicy policy() {
        boolean calendar = keepDaily != 0 || keepWeekly != 0 || keepMonthly != 0;
        int last = keep != null ? keep : calendar ? 0 : 1;
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("--keep", last);
        counts.put("--keep-daily", keepDaily);
        counts.put("--keep-weekly", keepWeekly);
        counts.put("--keep-monthly", keepMonthly);
        counts.forEach((option, count) -> {
            if (count < 0) {
                throw new UsageException(option + " must be 0 or more, not " + count);
            }
        });
        return new RetentionPolicy(last, keepDaily, keepWeekly, keepMonthly);
    }

    /** The operation: which dumps the rules keep. */
    public record Cleanup(RetentionPolicy policy, boolean waitsForLock) implements RunOperation {
        @Override
        public String verb() {
            return "db:cleanup";
        }

        @Override
        public String text() {
            return verb() + (policy.equals(RetentionPolicy.newest(1)) ? "" : " " + policy.options())
                    + (waitsForLock ? " --wait" : "");
        }

        @Override
        public boolean locksStacks() {
            return true;
        }

        @Override
        public DumpCatalog.Reading dumpReading() {
            return DumpCatalog.Reading.ALL;
        }

        @Override
        public StackPlan plan(StackSnapshot stack, PlanningContext context) {
            return CleanupPlanner.cleanup(stack, policy);
        }
    }
}
