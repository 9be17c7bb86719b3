package dev.kompose.db;

import dev.kompose.exec.ExecutionResult;
import dev.kompose.plan.StageContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Asks the stack's database one read-only question with psql and reads the answer from a
 * temporary file (so it is not echoed as stage output). Used by the free-space and size-estimate
 * stages.
 *
 * @param result how psql ended
 * @param answer psql's output, stripped; empty when it failed or could not be read
 */
record ServerQuestion(ExecutionResult result, String answer) {

    static ServerQuestion ask(StageContext context, PostgresClient client, String sql) {
        Path answerFile;
        try {
            answerFile = Files.createTempFile("kompose-answer-", ".txt");
        } catch (IOException cannotWrite) {
            return new ServerQuestion(ExecutionResult.couldNotStart("no temporary file: " + cannotWrite.getMessage()), "");
        }
        try {
            ExecutionResult result = context.execute(client.query(client.settings().name(), sql, answerFile));
            String answer = result.succeeded() ? Files.readString(answerFile, StandardCharsets.UTF_8).strip() : "";
            return new ServerQuestion(result, answer);
        } catch (IOException unreadable) {
            return new ServerQuestion(ExecutionResult.couldNotStart("answer unreadable: " + unreadable.getMessage()), "");
        } finally {
            try {
                Files.deleteIfExists(answerFile);
            } catch (IOException leftBehind) {
                context.report("could not delete the temporary file " + answerFile);
            }
        }
    }

    boolean succeeded() {
        return result.succeeded();
    }
}
