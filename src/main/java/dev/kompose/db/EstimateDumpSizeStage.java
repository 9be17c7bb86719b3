package dev.kompose.db;

import dev.kompose.exec.CommandSpec;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Estimates the dump's size before pg_dump runs ({@link DumpSizeEstimate}) and hands it to the
 * dump stage through the stack state. Never fails the export: without an estimate the dump
 * shows bytes and rate but no percentage.
 */
public record EstimateDumpSizeStage(PostgresClient client) implements Stage {

    CommandSpec command(Path outputFile) {
        return client.query(client.settings().name(), DumpSizeEstimate.QUERY, outputFile);
    }

    @Override
    public StageKind kind() {
        return StageKind.SQL;
    }

    @Override
    public boolean safeguard() {
        return true;
    }

    @Override
    public String name() {
        return "estimate-size";
    }

    @Override
    public String description() {
        return "estimate the size of the dump of " + SqlNames.quoteIdentifier(client.settings().name())
                + " from a sample of each table's rows (read-only), for the progress display";
    }

    @Override
    public List<String> commandText() {
        return List.of(command(Path.of("<estimate>")).describe());
    }

    @Override
    public String skipConsequence() {
        return "the dump shows bytes and rate but no percentage or ETA";
    }

    @Override
    public StageResult run(StageContext context) {
        ServerQuestion question = ServerQuestion.ask(context, client, DumpSizeEstimate.QUERY);
        if (question.result().cancelled()) {
            return StageResult.cancelled("the size estimate was stopped");
        }
        long estimate = question.succeeded() ? DumpSizeEstimate.parse(question.answer()) : -1;
        if (estimate < 0) {
            return StageResult.succeeded("no size estimate; the dump shows no percentage");
        }
        context.state().expectedDumpBytes(estimate);
        return StageResult.succeeded("estimated dump size: " + ByteCounts.format(estimate));
    }
}
