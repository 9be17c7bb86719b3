package dev.kompose.planner;

import dev.kompose.compose.ComposeProgram;
import dev.kompose.db.CheckDumpStage;
import dev.kompose.db.ChecksumStage;
import dev.kompose.db.CompareRowCountsStage;
import dev.kompose.db.ContainerTarget;
import dev.kompose.db.DatabaseToolsStage;
import dev.kompose.db.EndToolSessionsStage;
import dev.kompose.db.ToolChoice;
import dev.kompose.db.DatabaseSettings;
import dev.kompose.db.DumpEntry;
import dev.kompose.db.DumpFiles;
import dev.kompose.db.DumpFormat;
import dev.kompose.db.DumpStage;
import dev.kompose.db.DumpVerdict;
import dev.kompose.db.FreeSpaceStage;
import dev.kompose.db.ImportStages;
import dev.kompose.db.PostgresClient;
import dev.kompose.db.PublishDumpStage;
import dev.kompose.db.RemoveTemporaryFileStage;
import dev.kompose.db.WriteManifestStage;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StackPlan;
import dev.kompose.read.StackSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans db:export and db:import for one stack (db:cleanup: {@link CleanupPlanner}) from its snapshot. Pure: the time comes
 * from the context and the dumps (judged in the read phase) from the snapshot; nothing is read,
 * run or written here.
 */
public final class DatabasePlanner {
    private final PlanningContext context;
    private final HookStages hooks;

    public DatabasePlanner(PlanningContext context) {
        this.context = context;
        this.hooks = new HookStages(context.hookTimeout(), context.dryRun());
    }

    /** pre_db_export → pg_dump in an exported snapshot into a temporary file → check and rename into place → manifest → post_db_export FILE. */
    public StackPlan export(StackSnapshot stack, DumpFormat format) {
        Optional<DatabaseSettings> settings = stack.databaseSettings();
        if (settings.isEmpty()) {
            return withoutDatabase(stack);
        }
        ToolChoice tools = stack.databaseTools();
        if (tools instanceof ToolChoice.Refused refused) {
            return refuse(stack, refused);
        }
        String database = settings.get().name();
        Path folder = stack.folder();
        Path plannedFile = folder.resolve(DumpFiles.fileName(database, context.now(), 1, format));
        Path temporaryFile = folder.resolve(plannedFile.getFileName() + DumpFiles.PARTIAL_SUFFIX);
        PostgresClient client = client(stack, settings.get(), tools);
        List<Stage> stages = new ArrayList<>();
        stages.add(new DatabaseToolsStage(tools, settings.get()));
        stages.add(new FreeSpaceStage(client, folder));
        hooks.hook(stack, "pre_db_export", List.of(),
                "the dump is made without what hook_pre_db_export prepares (a schema snapshot, say)").ifPresent(stages::add);
        stages.add(new DumpStage(client, temporaryFile, format));
        stages.add(new PublishDumpStage(temporaryFile, database, context.now(), plannedFile));
        stages.add(new WriteManifestStage(stack.name(), database, format, dumpToolVersion(tools), plannedFile));
        hooks.hook(stack, "post_db_export", List.of(plannedFile.toString()), true, "").ifPresent(stages::add);
        List<Stage> cleanup = new ArrayList<>();
        if (client.inContainer()) {
            cleanup.add(new EndToolSessionsStage(client));
        }
        cleanup.add(new RemoveTemporaryFileStage(temporaryFile, "the unfinished dump"));
        return plan(stack, stages, cleanup);
    }

    /**
     * Check the dump → pre_db_import FILE → restore into a new database → swap it in for the live
     * one → drop (or keep) the previous one → post_db_import FILE. A failure before the swap leaves
     * the live database as it was; the clean-up drops the half-restored database. The dump is the
     * snapshot's requested file, else its newest complete dump.
     */
    public StackPlan importDump(StackSnapshot stack, boolean keepPrevious, int jobs) {
        Optional<DatabaseSettings> settings = stack.databaseSettings();
        if (settings.isEmpty()) {
            return withoutDatabase(stack);
        }
        Optional<DumpEntry> chosen = stack.dumps().requested().or(() -> stack.dumps().newestComplete());
        if (chosen.isEmpty()) {
            List<DumpEntry> dumps = stack.dumps().entries();
            String why = dumps.isEmpty() ? "no dump of " + settings.get().name() + " in " + stack.folder()
                    : "none of the " + dumps.size() + " dumps of " + settings.get().name() + " is complete";
            return StackPlan.invalid(stack.name(), stack.folder(), why + "; nothing to import",
                    stack.environment().problemLines());
        }
        ToolChoice tools = stack.databaseTools();
        if (tools instanceof ToolChoice.Refused refused) {
            return refuse(stack, refused);
        }
        Path dumpFile = chosen.get().path();
        DumpVerdict verdict = chosen.get().verdict().orElseThrow();
        PostgresClient client = client(stack, settings.get(), tools);
        ImportStages importStages = new ImportStages(client, dumpFile, chosen.get().file().size(), verdict.format(),
                keepPrevious, context.now(), jobs);
        List<Stage> stages = new ArrayList<>();
        stages.add(new DatabaseToolsStage(tools, settings.get()));
        stages.add(new CheckDumpStage(dumpFile, settings.get().name(), verdict));
        hooks.hook(stack, "pre_db_import", List.of(dumpFile.toString()),
                "the restore runs without what hook_pre_db_import prepares").ifPresent(stages::add);
        stages.addAll(importStages.stages());
        hooks.hook(stack, "post_db_import", List.of(dumpFile.toString()), "").ifPresent(stages::add);
        List<Stage> cleanup = new ArrayList<>();
        if (client.inContainer()) {
            cleanup.add(new EndToolSessionsStage(client));
        }
        cleanup.add(importStages.rollBack());
        return plan(stack, stages, cleanup);
    }

    /**
     * db:verify: check the dump → its checksum against the manifest → restore it into a scratch
     * database with the import's own create and restore stages → compare every table's rows with
     * the manifest → drop the scratch database (also as the clean-up, after a failure or Ctrl-C).
     * The live database is never touched.
     */
    public StackPlan verify(StackSnapshot stack, int jobs) {
        Optional<DatabaseSettings> settings = stack.databaseSettings();
        if (settings.isEmpty()) {
            return withoutDatabase(stack);
        }
        Optional<DumpEntry> chosen = stack.dumps().requested().or(() -> stack.dumps().newestComplete());
        if (chosen.isEmpty()) {
            return StackPlan.invalid(stack.name(), stack.folder(), "no complete dump of " + settings.get().name() + " in "
                    + stack.folder() + "; nothing to verify", stack.environment().problemLines());
        }
        ToolChoice tools = stack.databaseTools();
        if (tools instanceof ToolChoice.Refused refused) {
            return refuse(stack, refused);
        }
        Path dumpFile = chosen.get().path();
        DumpVerdict verdict = chosen.get().verdict().orElseThrow();
        PostgresClient client = client(stack, settings.get(), tools);
        ImportStages scratch = ImportStages.forVerify(client, dumpFile, chosen.get().file().size(), verdict.format(),
                context.now(), jobs);
        List<Stage> stages = new ArrayList<>();
        stages.add(new DatabaseToolsStage(tools, settings.get()));
        stages.add(new CheckDumpStage(dumpFile, settings.get().name(), verdict));
        stages.add(new ChecksumStage(dumpFile));
        stages.addAll(scratch.createAndRestore());
        stages.add(new CompareRowCountsStage(client, scratch.restoreDatabase(), dumpFile));
        stages.add(scratch.dropRestored("drop-scratch"));
        List<Stage> cleanup = new ArrayList<>();
        if (client.inContainer()) {
            cleanup.add(new EndToolSessionsStage(client));
        }
        cleanup.add(scratch.dropRestored("drop-scratch"));
        return plan(stack, stages, cleanup);
    }

    /** "pg_dump 16.4" as the version check found it ("pg_dump 16.4, server 16.4"), or "" before it ran. */
    static String dumpToolVersion(ToolChoice tools) {
        String checked = tools instanceof ToolChoice.Host host ? host.checked()
                : tools instanceof ToolChoice.Container container ? container.checked() : "";
        int comma = checked.indexOf(',');
        return comma < 0 ? checked : checked.substring(0, comma);
    }

    /**
     * The client for the chosen place: the host's tools, or the service's through
     * {@code docker compose exec -T} with the stack's environment for compose.
     */
    private PostgresClient client(StackSnapshot stack, DatabaseSettings settings, ToolChoice tools) {
        return clientFor(stack, settings, tools, context);
    }

    /** As the planner builds it; also what the check before planning probes with. */
    public static PostgresClient clientFor(StackSnapshot stack, DatabaseSettings settings, ToolChoice tools,
            PlanningContext context) {
        String applicationName = context.applicationName(stack.name());
        if (tools instanceof ToolChoice.Container container) {
            ComposeProgram program = context.composeProgram() != null ? context.composeProgram()
                    : new ComposeProgram(ComposeProgram.PLUGIN, "default");
            return new PostgresClient(settings, stack.folder(), new ContainerTarget(program,
                    stack.stack().composeFile().getFileName().toString(), container.service().name(),
                    stack.childEnvironment(context.dryRun())), applicationName);
        }
        return new PostgresClient(settings, stack.folder(), null, applicationName);
    }

    private static StackPlan refuse(StackSnapshot stack, ToolChoice.Refused refused) {
        return StackPlan.invalid(stack.name(), stack.folder(), "database tools: " + refused.reason(),
                stack.environment().problemLines(), stack.environment().secretValues());
    }

    /** A stack without database settings: skipped, or failed when it runs postgres without naming its database. */
    static StackPlan withoutDatabase(StackSnapshot stack) {
        String reason = stack.runsPostgres()
                ? "runs postgres but sets neither DB_NAME nor POSTGRES_DB in its .env"
                : "no database (no postgres image, no DB_NAME)";
        if (stack.runsPostgres()) {
            return StackPlan.invalid(stack.name(), stack.folder(), reason, stack.environment().problemLines());
        }
        return StackPlan.skipped(stack.name(), stack.folder(), reason, stack.environment().problemLines());
    }

    static StackPlan plan(StackSnapshot stack, List<Stage> stages, List<Stage> cleanup) {
        return new StackPlan(stack.name(), stack.folder(), stages, cleanup, "", stack.environment().problemLines(),
                stack.environment().secretValues());
    }
}
