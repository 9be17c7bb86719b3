package dev.kompose.db;

import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Before an export: asks the server how big the database is (pg_database_size, which counts
 * indexes and free space, so a plain dump is nearly always smaller) and refuses when the stack
 * folder's file system has less room than that. A dump that still does not fit (bytea dumps as
 * hex, twice its stored size) fails in pg_dump and leaves only its temporary file, which the
 * clean-up removes.
 */
public record FreeSpaceStage(PostgresClient client, Path folder) implements Stage {
    static final String SIZE_QUERY = "SELECT pg_database_size(current_database())";

    @Override
    public StageKind kind() {
        return StageKind.CHECK;
    }

    @Override
    public boolean safeguard() {
        return true;
    }

    @Override
    public String name() {
        return "free-space";
    }

    @Override
    public String description() {
        return "check that " + folder + " has room for a dump as big as the database "
                + SqlNames.quoteIdentifier(client.settings().name()) + " (its size on the server)";
    }

    @Override
    public List<String> commandText() {
        return List.of(client.query(client.settings().name(), SIZE_QUERY, Path.of("<answer>")).describe(),
                "compare with the usable space of the file system holding " + folder);
    }

    @Override
    public String skipConsequence() {
        return "pg_dump may fill the disk; kompose would then remove the unfinished dump";
    }

    @Override
    public StageResult run(StageContext context) {
        ServerQuestion question = ServerQuestion.ask(context, client, SIZE_QUERY);
        if (question.result().cancelled()) {
            return StageResult.cancelled("stopped while asking the server for the database size");
        }
        if (!question.succeeded() || !question.answer().matches("\\d+")) {
            return StageResult.failed("cannot ask the server for the size of " + client.settings().name() + " ("
                    + question.result().explain() + "); nothing was dumped");
        }
        long databaseBytes = Long.parseLong(question.answer());
        long usableBytes;
        try {
            usableBytes = Files.getFileStore(folder).getUsableSpace();
        } catch (IOException unknown) {
            return StageResult.succeeded("free space in " + folder + " unknown (" + unknown.getClass().getSimpleName()
                    + "); going on");
        }
        return check(databaseBytes, usableBytes);
    }

    /** The verdict for a database of databaseBytes and usableBytes of room. */
    StageResult check(long databaseBytes, long usableBytes) {
        if (usableBytes < databaseBytes) {
            return StageResult.failed("not enough free space for the dump: database " + client.settings().name()
                    + " is " + ByteCounts.format(databaseBytes) + " on the server and " + folder + " has only "
                    + ByteCounts.format(usableBytes) + " free; nothing was dumped (free some space, e.g. with"
                    + " db:cleanup, and try again)");
        }
        return StageResult.succeeded("free space: " + ByteCounts.format(usableBytes) + " for a database of "
                + ByteCounts.format(databaseBytes));
    }
}
