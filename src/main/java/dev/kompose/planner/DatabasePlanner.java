package dev.kompose.planner;

import dev.kompose.db.CheckDumpStage;
import dev.kompose.db.DatabaseSettings;
import dev.kompose.db.DumpFile;
import dev.kompose.db.DumpFiles;
import dev.kompose.db.DumpFormat;
import dev.kompose.db.DumpStage;
import dev.kompose.db.EstimateDumpSizeStage;
import dev.kompose.db.FreeSpaceStage;
import dev.kompose.db.ImportStages;
import dev.kompose.db.PostgresClient;
import dev.kompose.db.PublishDumpStage;
import dev.kompose.db.RemoveFileStage;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StackPlan;
import dev.kompose.stack.StackSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans db:export, db:import and db:cleanup for one stack from what was read of it. Pure: the
 * time and the stack's dump files are inputs; nothing is read, run or written here.
 */
public final class DatabasePlanner {
    private final HookStages hooks;

    public DatabasePlanner(Duration hookTimeout, boolean dryRun) {
        this.hooks = new HookStages(hookTimeout, dryRun);
    }

    /** pre_db_export → pg_dump into a temporary file → check and rename into place → post_db_export FILE. */
    public StackPlan export(StackSnapshot stack, LocalDateTime now) {
        return export(stack, now, DumpFormat.PLAIN);
    }

    /** As {@link #export(StackSnapshot, LocalDateTime)}, writing the dump in format (.sql, .sql.gz, .dump). */
    public StackPlan export(StackSnapshot stack, LocalDateTime now, DumpFormat format) {
        Optional<DatabaseSettings> settings = DatabaseSettings.from(stack.environment());
        if (settings.isEmpty()) {
            return withoutDatabase(stack);
        }
        String database = settings.get().name();
        Path folder = stack.stack().directory();
        Path plannedFile = folder.resolve(DumpFiles.fileName(database, now, 1, format));
        Path temporaryFile = folder.resolve(plannedFile.getFileName() + DumpFiles.PARTIAL_SUFFIX);
        PostgresClient client = new PostgresClient(settings.get(), folder);
        List<Stage> stages = new ArrayList<>();
        stages.add(new FreeSpaceStage(client, folder));
        hooks.hook(stack, "pre_db_export", List.of(),
                "the dump is made without what hook_pre_db_export prepares (a schema snapshot, say)").ifPresent(stages::add);
        if (format == DumpFormat.PLAIN) {
            stages.add(new EstimateDumpSizeStage(client));
        }
        stages.add(new DumpStage(client, temporaryFile, format));
        stages.add(new PublishDumpStage(temporaryFile, database, now, plannedFile));
        hooks.hook(stack, "post_db_export", List.of(plannedFile.toString()), true, "").ifPresent(stages::add);
        List<Stage> cleanup = List.of(new RemoveFileStage(temporaryFile, "the unfinished dump", false));
        return plan(stack, stages, cleanup);
    }

    /**
     * Check the dump → pre_db_import FILE → restore into a new database → swap it in for the live
     * one → drop (or keep) the previous one → post_db_import FILE. A failure before the swap leaves
     * the live database as it was; the clean-up drops the half-restored database.
     *
     * @param requestedFile the FILE argument (path and size), or null for the newest complete dump
     * @param dumps the stack's dumps, newest first
     */
    public StackPlan importDump(StackSnapshot stack, DumpFile requestedFile, List<DumpFile> dumps, boolean keepPrevious,
            LocalDateTime now) {
        return importDump(stack, requestedFile, dumps, keepPrevious, now, 1);
    }

    /** As above; a custom-format archive is restored by pg_restore with jobs parallel workers. */
    public StackPlan importDump(StackSnapshot stack, DumpFile requestedFile, List<DumpFile> dumps, boolean keepPrevious,
            LocalDateTime now, int jobs) {
        Optional<DatabaseSettings> settings = DatabaseSettings.from(stack.environment());
        if (settings.isEmpty()) {
            return withoutDatabase(stack);
        }
        Path dumpFile;
        long dumpSize;
        if (requestedFile != null) {
            dumpFile = requestedFile.path();
            dumpSize = requestedFile.size();
        } else {
            Optional<DumpFile> newest = DumpFiles.newestComplete(dumps);
            if (newest.isEmpty()) {
                String why = dumps.isEmpty() ? "no dump of " + settings.get().name() + " in " + stack.stack().directory()
                        : "none of the " + dumps.size() + " dumps of " + settings.get().name() + " is complete";
                return StackPlan.invalid(stack.name(), why + "; nothing to import", stack.environment().problemLines());
            }
            dumpFile = newest.get().path();
            dumpSize = newest.get().size();
        }
        PostgresClient client = new PostgresClient(settings.get(), stack.stack().directory());
        ImportStages importStages = new ImportStages(client, dumpFile, dumpSize, keepPrevious, now, jobs);
        List<Stage> stages = new ArrayList<>();
        stages.add(new CheckDumpStage(dumpFile, settings.get().name()));
        hooks.hook(stack, "pre_db_import", List.of(dumpFile.toString()),
                "the restore runs without what hook_pre_db_import prepares").ifPresent(stages::add);
        stages.addAll(importStages.stages());
        hooks.hook(stack, "post_db_import", List.of(dumpFile.toString()), "").ifPresent(stages::add);
        return plan(stack, stages, List.of(importStages.rollBack()));
    }

    /** Deletes all but the newest `keep` complete dumps; incomplete ones older than the newest kept one go too. */
    public StackPlan cleanup(StackSnapshot stack, int keep, List<DumpFile> dumps) {
        Optional<DatabaseSettings> settings = DatabaseSettings.from(stack.environment());
        if (settings.isEmpty()) {
            return withoutDatabase(stack);
        }
        List<Stage> stages = new ArrayList<>();
        int completeKept = 0;
        boolean seenKept = false;
        for (DumpFile dump : dumps) {
            boolean complete = DumpFiles.isComplete(dump.path());
            if (complete && completeKept < keep) {
                completeKept++;
                seenKept = true;
            } else if (complete) {
                stages.add(new RemoveFileStage(dump.path(), keep == 1 ? "older than the newest complete dump"
                        : "older than the newest " + keep + " complete dumps", true));
            } else if (seenKept || keep == 0) {
                stages.add(new RemoveFileStage(dump.path(), "incomplete, and older than a complete dump that is kept", true));
            }
        }
        if (stages.isEmpty()) {
            return StackPlan.skipped(stack.name(), "nothing to clean up: " + dumps.size() + " dump"
                    + (dumps.size() == 1 ? "" : "s") + ", keeping " + keep, stack.environment().problemLines());
        }
        return plan(stack, stages, List.of());
    }

    private static StackPlan withoutDatabase(StackSnapshot stack) {
        String reason = stack.runsPostgres()
                ? "runs postgres but sets neither DB_NAME nor POSTGRES_DB in its .env"
                : "no database (no postgres image, no DB_NAME)";
        if (stack.runsPostgres()) {
            return StackPlan.invalid(stack.name(), reason, stack.environment().problemLines());
        }
        return StackPlan.skipped(stack.name(), reason, stack.environment().problemLines());
    }

    private static StackPlan plan(StackSnapshot stack, List<Stage> stages, List<Stage> cleanup) {
        return new StackPlan(stack.name(), stages, cleanup, "", stack.environment().problemLines(),
                stack.environment().secretValues());
    }
}
