package dev.kompose.cli;

import dev.kompose.db.DumpCatalog;
import dev.kompose.plan.StackPlan;
import dev.kompose.planner.CleanupPlanner;
import dev.kompose.planner.PlanningContext;
import dev.kompose.planner.RetentionPolicy;
import dev.kompose.planner.RunOperation;
import dev.kompose.read.StackSnapshot;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code db:cleanup [--keep N] [--keep-daily D] [--keep-weekly W] [--keep-monthly M]}: delete the
 * complete dumps kompose named that no retention rule keeps (the newest complete one always stays).
 */
public final class CleanupVerb implements StackVerb {
    private static final String KEEP = "--keep";
    private static final String KEEP_DAILY = "--keep-daily";
    private static final String KEEP_WEEKLY = "--keep-weekly";
    private static final String KEEP_MONTHLY = "--keep-monthly";

    private final Integer keep;
    private final int keepDaily;
    private final int keepWeekly;
    private final int keepMonthly;
    private final VerbOptions.LockedRun run;

    /** The verb with the values of its parsed model. */
    CleanupVerb(CommandSpec parsed) {
        keep = CommandSpecs.value(parsed, KEEP);
        keepDaily = CommandSpecs.value(parsed, KEEP_DAILY);
        keepWeekly = CommandSpecs.value(parsed, KEEP_WEEKLY);
        keepMonthly = CommandSpecs.value(parsed, KEEP_MONTHLY);
        run = VerbOptions.LockedRun.of(parsed);
    }

    /** A fresh model of the verb: the retention rules, then --wait, --dry-run, --help. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command("db:cleanup",
                "Delete the dumps of each selected stack that no retention rule keeps. "
                        + "Rules count as restic's forget does: each keeps the newest dump of each of its last N days, "
                        + "ISO weeks or months that hold one; what any rule keeps stays. Without rules: --keep 1.",
                "The newest complete dump always stays; incomplete dumps older than it go; a dump's "
                        + "manifest (<dump>.manifest.json) goes with it; hand-named files are never touched.");
        spec.usageMessage().sortOptions(false);
        // --keep stays null when not given: only then do the calendar rules replace its default of 1
        spec.addOption(CommandSpecs.option(Integer.class, "N",
                "Keep the newest N complete dumps (default 1 when no other rule is given).", KEEP).build());
        spec.addOption(CommandSpecs.option(int.class, "D",
                "Keep the newest dump of each of the last D days that have one.", KEEP_DAILY).initialValue(0).build());
        spec.addOption(CommandSpecs.option(int.class, "W",
                "Keep the newest dump of each of the last W ISO weeks that have one.", KEEP_WEEKLY).initialValue(0).build());
        spec.addOption(CommandSpecs.option(int.class, "M",
                "Keep the newest dump of each of the last M months that have one.", KEEP_MONTHLY).initialValue(0).build());
        VerbOptions.addLockedRun(spec);
        return spec;
    }

    @Override
    public int execute(String pattern, Operations operations) {
        return operations.run(pattern, new Cleanup(policy(), run.waitsForLock()), run.dryRun());
    }

    /** The rules given; none at all means --keep 1, as before the calendar rules existed. */
    RetentionPolicy policy() {
        boolean calendar = keepDaily != 0 || keepWeekly != 0 || keepMonthly != 0;
        int last = keep != null ? keep : calendar ? 0 : 1;
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put(KEEP, last);
        counts.put(KEEP_DAILY, keepDaily);
        counts.put(KEEP_WEEKLY, keepWeekly);
        counts.put(KEEP_MONTHLY, keepMonthly);
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
