package dev.kompose.db;

import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.exec.ProcessObserver;
import dev.kompose.plan.Artifact;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the dump into the restore database with the tool for its format, stopping at the first
 * error: psql for plain SQL, gzip -dc into psql for .sql.gz, pg_restore (with --jobs) for a
 * custom archive. The tools read the file themselves, so a restore runs as fast as the raw tool.
 * Progress: the position psql (or gzip) has read to in the file, sampled from /proc; for
 * pg_restore, the bytes its workers have read, capped at the archive's size.
 */
public record RestoreStage(PostgresClient client, String restoreDatabase, Path dumpFile, long dumpSize,
        DumpFormat format, int jobs) implements Stage {

    public CommandSpec command() {
        return switch (format) {
            case PLAIN -> client.restore(restoreDatabase, dumpFile);
            case GZIP -> client.restoreCompressed(restoreDatabase, dumpFile);
            case CUSTOM -> client.restoreArchive(restoreDatabase, dumpFile, jobs);
        };
    }

    @Override
    public StageKind kind() {
        return StageKind.RESTORE;
    }

    @Override
    public String name() {
        return format == DumpFormat.CUSTOM ? "pg_restore" : "psql";
    }

    @Override
    public String description() {
        return "restore " + dumpFile.getFileName() + jobsText() + " into the new database "
                + SqlNames.quoteIdentifier(restoreDatabase) + " " + client.placeText()
                + (client.inContainer() ? (format == DumpFormat.GZIP ? " (decompressed here, streamed through standard input)"
                        : " (streamed through standard input)") : "")
                + " (the live database is not touched yet)";
    }

    private String jobsText() {
        if (format != DumpFormat.CUSTOM || jobs <= 1) {
            return "";
        }
        return client.inContainer() ? " with one job (--jobs " + jobs + " needs a file pg_restore can seek in;"
                + " in the container it reads the archive from standard input)" : " with " + jobs + " parallel jobs";
    }

    @Override
    public List<String> commandText() {
        return List.of(command().describe());
    }

    @Override
    public OptionalLong expectedBytes() {
        return OptionalLong.of(dumpSize);
    }

    @Override
    public String skipConsequence() {
        return "the new database stays empty and the next stage would put an empty database in place of the live one";
    }

    @Override
    public StageResult run(StageContext context) {
        AtomicLong processId = new AtomicLong(-1);
        ExecutionResult result;
 java.util.function.LongSupplier done = format == DumpFormat.CUSTOM && !client.inContainer()
                ? () -> Math.min(dumpSize, ProcessBytesRead.of(processId.get()))
                : () -> FileReadPosition.of(processId.get(), dumpFile);
        try (ProgressSampler sampler = new ProgressSampler(context, done, dumpSize)) {
            result = context.execute(command(), new ProcessObserver() {
                @Override
                public void started(long pid) {
                    processId.set(pid);
                }
            });
            if (result.succeeded()) {
                sampler.finish(dumpSize);
            }
        }
        if (result.cancelled()) {
            return StageResult.cancelled("the restore was stopped; the live database was not touched");
        }
        if (!result.succeeded()) {
            return StageResult.failed("restore of " + dumpFile.getFileName() + " failed (" + result.explain()
                    + "); the live database was not touched");
        }
        return StageResult.succeeded("", new Artifact.DumpRead(dumpFile));
    }
}
