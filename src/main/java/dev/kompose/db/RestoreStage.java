package dev.kompose.db;

import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.exec.ProcessObserver;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * psql reads the dump into the restore database, stopping at the first error. Progress is the
 * position psql has read to in the file, sampled from /proc: psql reads the file itself, so the
 * restore runs as fast as a raw {@code psql -f}.
 */
public record RestoreStage(PostgresClient client, String restoreDatabase, Path dumpFile, long dumpSize)
        implements Stage {

    public CommandSpec command() {
        return client.restore(restoreDatabase, dumpFile);
    }

    @Override
    public StageKind kind() {
        return StageKind.RESTORE;
    }

    @Override
    public String name() {
        return "psql";
    }

    @Override
    public String description() {
        return "restore " + dumpFile.getFileName() + " into the new database " + SqlNames.quoteIdentifier(restoreDatabase)
                + " (the live database is not touched yet)";
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
        try (ProgressSampler sampler = new ProgressSampler(context,
                () -> FileReadPosition.of(processId.get(), dumpFile), dumpSize)) {
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
        return StageResult.succeeded();
    }
}
