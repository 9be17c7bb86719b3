package dev.kompose.db;

import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** pg_dump of the stack's database into a temporary file next to where the dump will live. */
public record DumpStage(PostgresClient client, Path temporaryFile) implements Stage {

    public CommandSpec command() {
        return client.dump(temporaryFile);
    }

    @Override
    public StageKind kind() {
        return StageKind.DUMP;
    }

    @Override
    public String name() {
        return "pg_dump";
    }

    @Override
    public String description() {
        return "dump database " + SqlNames.quoteIdentifier(client.settings().name()) + " on "
                + client.settings().host() + ":" + client.settings().port() + " into the temporary file "
                + temporaryFile.getFileName();
    }

    @Override
    public List<String> commandText() {
        return List.of(command().describe());
    }

    @Override
    public String skipConsequence() {
        return "no dump is written: the next stage finds no file to publish and the stack fails";
    }

    @Override
    public StageResult run(StageContext context) {
        context.state().temporaryDumpFile(temporaryFile);
        ExecutionResult result;
        long expected = context.state().expectedDumpBytes();
        try (ProgressSampler sampler = new ProgressSampler(context, () -> sizeOf(temporaryFile), expected)) {
            result = context.execute(command());
            if (result.succeeded()) {
                sampler.finish(sizeOf(temporaryFile));
            }
        }
        if (result.cancelled()) {
            return StageResult.cancelled("pg_dump was stopped");
        }
        if (!result.succeeded()) {
            return StageResult.failed("pg_dump failed: " + result.explain());
        }
        return StageResult.succeeded();
    }

    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException notYet) {
            return 0;
        }
    }
}
