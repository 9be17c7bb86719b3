package dev.kompose.cli;

import dev.kompose.exec.ShellQuoting;
import dev.kompose.plan.StackPlan;
import dev.kompose.planner.DatabasePlanner;
import dev.kompose.planner.PlanningContext;
import dev.kompose.planner.RestoreOperation;
import dev.kompose.read.StackSnapshot;
import picocli.CommandLine.Model.CommandSpec;

/** {@code db:verify [FILE]}: checksum against the manifest, restore into a scratch database, compare every table's rows, drop it. */
public final class VerifyVerb implements StackVerb {
    private static final String FILE = "FILE";
    private static final String JOBS = "--jobs";

    private final String file;
    private final int jobs;
    private final VerbOptions.LockedRun run;

    /** The verb with the values of its parsed model. */
    VerifyVerb(CommandSpec parsed) {
        file = CommandSpecs.value(parsed, FILE);
        jobs = CommandSpecs.value(parsed, JOBS);
        run = VerbOptions.LockedRun.of(parsed);
    }

    /** A fresh model of the verb: [FILE], --jobs N, then --wait, --dry-run, --help. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command("db:verify",
                "Prove FILE (default: the newest complete dump): its SHA-256 against its manifest,",
                "a restore into a scratch database with the import's own stages (the live database is",
                "never touched), every table's rows against the manifest; the scratch database is",
                "dropped, also after a failure or Ctrl-C. Exit 1 on any mismatch, naming it.");
        spec.usageMessage().sortOptions(false);
        spec.addPositional(CommandSpecs.positional("0", String.class, FILE,
                "The dump to verify (default: the newest complete dump of the stack).").arity("0..1").build());
        spec.addOption(CommandSpecs.option(int.class, "N",
                "Parallel pg_restore workers for a custom-format (.dump) archive (default: 1).", JOBS).initialValue(1).build());
        VerbOptions.addLockedRun(spec);
        return spec;
    }

    @Override
    public int execute(String pattern, Operations operations) {
        if (jobs < 1) {
            throw new UsageException("--jobs must be 1 or more, not " + jobs);
        }
        return operations.run(pattern, new Verify(file, jobs, run.waitsForLock()), run.dryRun());
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
