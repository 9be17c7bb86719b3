package dev.kompose.cli;

import dev.kompose.db.DumpFormat;
import dev.kompose.plan.StackPlan;
import dev.kompose.planner.DatabasePlanner;
import dev.kompose.planner.PlanningContext;
import dev.kompose.planner.DatabaseOperation;
import dev.kompose.read.StackSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code db:export}: hook_pre_db_export, pg_dump into a temporary file, check, publish, hook_post_db_export FILE. */
@Command(name = "db:export", sortOptions = false,
        description = {"pg_dump each selected stack's database into <stack>/<DB_NAME>_<YYYYmmdd_HHMMSS>.sql (.sql.gz, .dump),",
            "run in the stack's PostgreSQL service or on the host (see --db-client); the dump streams to this host."})
public final class ExportVerb implements StackVerb {
    @Option(names = "--format", paramLabel = "FORMAT", converter = VerbOptions.DumpFormatConverter.class,
            completionCandidates = VerbOptions.DumpFormatNames.class,
            description = "plain (.sql, the default), gzip (.sql.gz) or custom (.dump, restored by pg_restore --jobs).")
    DumpFormat format = DumpFormat.PLAIN;

    @Mixin
    VerbOptions.LockedRun run = new VerbOptions.LockedRun();

    @Override
    public int execute(String pattern, Operations operations) {
        return operations.run(pattern, new Export(format, run.lockWait.waitForLock), run.dryRun.dryRun);
    }

    /** The operation: dump in this format; wait for a busy lock or not. */
    public record Export(DumpFormat format, boolean waitsForLock) implements DatabaseOperation {
        @Override
        public String verb() {
            return "db:export";
        }

        @Override
        public String text() {
            return verb() + (format == DumpFormat.PLAIN ? "" : " --format " + format.label()) + (waitsForLock ? " --wait" : "");
        }

        @Override
        public StackPlan plan(StackSnapshot stack, PlanningContext context) {
            return new DatabasePlanner(context).export(stack, format);
        }
    }
}
