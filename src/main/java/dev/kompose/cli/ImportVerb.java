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

/** {@code db:import [FILE]}: check, hook_pre_db_import FILE, restore into a new database, swap, hook_post_db_import FILE. */
@Command(name = "db:import", sortOptions = false,
        description = {"Restore FILE (default: the newest complete dump) into a new database, then swap",
            "it in for the live one: psql, gunzip|psql or pg_restore --jobs N by the file's",
            "type, on the host or in the stack's PostgreSQL service (see --db-client). The",
            "live database is dropped only after its replacement is in place."})
public final class ImportVerb implements StackVerb {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The dump to restore (default: the newest complete dump of the stack).")
    String file;

    @Option(names = "--keep-previous", description = "Keep the replaced database under a dated name instead of dropping it.")
    boolean keepPrevious;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel pg_restore workers for a custom-format (.dump) archive (default: 1); with the tools"
                    + " in the container (DB_CLIENT) pg_restore reads standard input and runs one job.")
    int jobs = 1;

    @Mixin
    VerbOptions.LockedRun run = new VerbOptions.LockedRun();

    @Override
    public int execute(String pattern, Operations operations) {
        if (jobs < 1) {
            throw new UsageException("--jobs must be 1 or more, not " + jobs);
        }
        return operations.run(pattern, new Import(file, keepPrevious, jobs, run.lockWait.waitForLock), run.dryRun.dryRun);
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
