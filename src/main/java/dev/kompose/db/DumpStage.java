package dev.kompose.db;

import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.nio.file.Path;
import java.util.List;

/**
 * pg_dump of the stack's database into a temporary file next to where the dump will live, in
 * the chosen format. Progress is the file's size, sampled: against the size estimated before for
 * a plain dump; a compressed one (gzip, custom) shows bytes and rate without a percentage, since
 * how well the data compresses is not known in advance (and pg_dump's reads from its connection
 * do not show in /proc/PID/io, which counts read(), not recv()).
 */
public record DumpStage(PostgresClient client, Path temporaryFile, DumpFormat format) implements Stage {

    public DumpStage(PostgresClient client, Path temporaryFile) {
        this(client, temporaryFile, DumpFormat.PLAIN);
    }

    public CommandSpec command() {
        return client.dump(temporaryFile, format);
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
        return "dump database " + SqlNames.quoteIdentifier(client.settings().name())
                + (format == DumpFormat.PLAIN ? "" : " (" + format.label() + " format)") + " "
                + client.placeText() + " into the temporary file " + temporaryFile.getFileName()
                + (client.inContainer() ? " on this host (streamed through standard output)" : "");
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
        long expected = format == DumpFormat.PLAIN ? context.state().expectedDumpBytes() : -1;
        try (ProgressSampler sampler = new ProgressSampler(context, () -> DumpFiles.sizeOf(temporaryFile), expected)) {
            result = context.execute(command());
            if (result.succeeded()) {
                sampler.finish(DumpFiles.sizeOf(temporaryFile));
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

}
