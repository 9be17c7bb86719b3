package dev.kompose.cli;

import dev.kompose.exec.ShellQuoting;
import dev.kompose.plan.StackPlan;
import dev.kompose.planner.DatabasePlanner;
import dev.kompose.planner.PlanningContext;
import dev.kompose.planner.RestoreOperation;
import dev.kompose.read.StackSnapshot;
import picocli.CommandLine.Model.CommandSpec;

/** {@code db:import [FILE]}: check, hook_pre_db_import FILE, restore into a new database, swap, hook_post_db_import FILE. */
public final class ImportVerb implements StackVerb {
    private static final String FILE = "FILE";
    private static final String KEEP_PREVIOUS = "--keep-previous";
    private static final String JOBS = "--jobs";

    private final String file;
    private final boolean keepPrevious;
    private final int jobs;
    private final VerbOptions.LockedRun run;

    /** The verb with the values of its parsed model. */
    ImportVerb(CommandSpec parsed) {
        file = CommandSpecs.value(parsed, FILE);
        keepPrevious = CommandSpecs.isSet(parsed, KEEP_PREVIOUS);
        jobs = CommandSpecs.value(parsed, JOBS);
        run = VerbOptions.LockedRun.of(parsed);
    }

    /** A fresh model of the verb: [FILE], --keep-previous, --jobs N, then --wait, --dry-run, --help. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command("db:import",
                "Restore FILE (default: the newest complete dump) into a new database, then swap",
                "it in for the live one: psql, gunzip|psql or pg_restore --jobs N by the file's",
                "type, on the host or in the stack's PostgreSQL service (see --db-client). The",
                "live database is dropped only after its replacement is in place.");
        spec.usageMessage().sortOptions(false);
        spec.addPositional(CommandSpecs.positional("0", String.class, FILE,
                "The dump to restore (default: the newest complete dump of the stack).").arity("0..1").build());
        CommandSpecs.addFlag(spec, "Keep the replaced database under a dated name instead of dropping it.", KEEP_PREVIOUS);
        spec.addOption(CommandSpecs.option(int.class, "N", "Parallel pg_restore workers for a custom-format (.dump) archive"
                + " (default: 1); with the tools in the container (DB_CLIENT) pg_restore reads standard input and runs one job.",
                JOBS).initialValue(1).build());
        VerbOptions.addLockedRun(spec);
        return spec;
    }

    @Override
    public int execute(String pattern, Operations operations) {
        if (jobs < 1) {
            throw new UsageException("--jobs must be 1 or more, not " + jobs);
        }
        return operations.run(pattern, new Import(file, keepPrevious, jobs, run.waitsForLock()), run.dryRun());
    }

    /** The operation: which dump (null: the newest complete), keep the replaced database or not, restore workers. */
    public record Import(String file, boolean keepPrevious, int jobs, boolean waitsForLock) implements RestoreOperation {
        @Override
        public String verb() {
            return "db:import";
        }

        @Override
        public String text() {
            return verb() + (file == null ? "" : " " + ShellQuoting.quote(file)) + (keepPrevious ? " --keep-previous" : "")
                    + (jobs == 1 ? "" : " --jobs " + jobs) + (waitsForLock ? " --wait" : "");
        }

        @Override
        public StackPlan plan(StackSnapshot stack, PlanningContext context) {
            return new DatabasePlanner(context).importDump(stack, keepPrevious, jobs);
        }
    }
}
