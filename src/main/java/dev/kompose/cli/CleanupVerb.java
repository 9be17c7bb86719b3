package dev.kompose.cli;

import dev.kompose.db.DumpCatalog;
import dev.kompose.plan.StackPlan;
import dev.kompose.planner.DatabasePlanner;
import dev.kompose.planner.PlanningContext;
import dev.kompose.planner.RunOperation;
import dev.kompose.read.StackSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code db:cleanup [--keep N]}: delete all but the newest N complete dumps kompose named. */
@Command(name = "db:cleanup", sortOptions = false,
        description = "Delete all but the newest N complete dumps of each selected stack (hand-named files are never touched).")
public final class CleanupVerb implements StackVerb {
    @Option(names = "--keep", paramLabel = "N", description = "How many complete dumps to keep (default: 1).")
    int keep = 1;

    @Mixin
    VerbOptions.LockedRun run = new VerbOptions.LockedRun();

    @Override
    public int execute(String pattern, Operations operations) {
        if (keep < 0) {
            throw new UsageException("--keep must be 0 or more, not " + keep);
        }
        return operations.run(pattern, new Cleanup(keep, run.lockWait.waitForLock), run.dryRun.dryRun);
    }

    /** The operation: how many complete dumps to keep. */
    public record Cleanup(int keep, boolean waitsForLock) implements RunOperation {
        @Override
        public String verb() {
            return "db:cleanup";
        }

        @Override
        public String text() {
            return verb() + (keep == 1 ? "" : " --keep " + keep) + (waitsForLock ? " --wait" : "");
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
            return new DatabasePlanner(context).cleanup(stack, keep);
        }
    }
}
