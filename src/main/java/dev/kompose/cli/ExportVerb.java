package dev.kompose.cli;

import dev.kompose.db.DumpFormat;
import dev.kompose.plan.StackPlan;
import dev.kompose.planner.DatabasePlanner;
import dev.kompose.planner.PlanningContext;
import dev.kompose.planner.DatabaseOperation;
import dev.kompose.read.StackSnapshot;
import picocli.CommandLine.Model.CommandSpec;

/** {@code db:export}: hook_pre_db_export, pg_dump into a temporary file, check, publish, hook_post_db_export FILE. */
public final class ExportVerb implements StackVerb {
    private static final String FORMAT = "--format";

    private final DumpFormat format;
    private final VerbOptions.LockedRun run;

    /** The verb with the values of its parsed model. */
    ExportVerb(CommandSpec parsed) {
        format = CommandSpecs.value(parsed, FORMAT);
        run = VerbOptions.LockedRun.of(parsed);
    }

    /** A fresh model of the verb: --format, then --wait, --dry-run, --help. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command("db:export",
                "pg_dump each selected stack's database into <stack>/<DB_NAME>_<YYYYmmdd_HHMMSS>.sql (.sql.gz, .dump),",
                "run in the stack's PostgreSQL service or on the host (see --db-client); the dump streams to this host.");
        spec.usageMessage().sortOptions(false);
        spec.addOption(CommandSpecs.option(DumpFormat.class, "FORMAT",
                "plain (.sql, the default), gzip (.sql.gz) or custom (.dump, restored by pg_restore --jobs).", FORMAT)
                .initialValue(DumpFormat.PLAIN).converters(new VerbOptions.DumpFormatConverter())
                .completionCandidates(new VerbOptions.DumpFormatNames()).build());
        VerbOptions.addLockedRun(spec);
        return spec;
    }

    @Override
    public int execute(String pattern, Operations operations) {
        return operations.run(pattern, new Export(format, run.waitsForLock()), run.dryRun());
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
