package dev.kompose.cli;

import dev.kompose.exec.ShellQuoting;
import dev.kompose.plan.StackPlan;
import dev.kompose.planner.DatabasePlanner;
import dev.kompose.planner.PlanningContext;
import dev.kompose.planner.RestoreOperation;
import dev.kompose.read.StackSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code db:verify [FILE]}: checksum against the manifest, restore into a scratch database, compare every table's rows, drop it. */
@Command(name = "db:verify", sortOptions = false,
        description = {"Prove FILE (default: the newest complete dump): its SHA-256 against its manifest,",
            "a restore into a scratch database with the import's own stages (the live database is",
            "never touched), every table's rows against the manifest; the scratch database is",
            "dropped, also after a failure or Ctrl-C. Exit 1 on any mismatch, naming it."})
public final class VerifyVerb implements StackVerb {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The dump to verify (default: the newest complete dump of the stack).")
    String file;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel pg_restore workers for a custom-format (.dump) archive (default: 1).")
    int jobs = 1;

    @Mixin
    VerbOptions.LockedRun run = new VerbOptions.LockedRun();

    @Override
    public int execute(String pattern, Operations operations) {
        if (jobs < 1) {
            throw new UsageException("--jobs must be 1 or more, not " + jobs);
        }
        return operations.run(pattern, new Verify(file, jobs, run.lockWait.waitForLock), run.dryRun.dryRun);
    }

    /**
     * The operation: which dump (null: the newest complete), restore workers. It holds the stack's
     * lock like an import: its scratch database has one name per stack, which two verifies must not share.
     */
    public record Verify(String file, int jobs, boolean waitsForLock) implements RestoreOperation {
        @Override
        public String verb() {
            return "db:verify";
        }

        @Override
        public String text() {
            return verb() + (file == null ? "" : " " + ShellQuoting.quote(file)) + (jobs == 1 ? "" : " --jobs " + jobs)
                    + (waitsForLock ? " --wait" : "");
        }

        @Override
        public StackPlan plan(StackSnapshot stack, PlanningContext context) {
            return new DatabasePlanner(context).verify(stack, jobs);
        }
    }
}
