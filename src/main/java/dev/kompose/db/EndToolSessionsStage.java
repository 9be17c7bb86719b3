package dev.kompose.db;

import dev.kompose.exec.ExecutionResult;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.util.List;

/**
 * Clean-up after a cancelled or failed export or import whose tools ran in a container. Killing the
 * local {@code docker compose exec} does not stop pg_dump, psql or pg_restore inside the container
 * (the engine keeps the exec running; a pg_dump blocked writing to a pipe nobody reads stays there
 * holding its snapshot), so this stops the processes that carry the run's application name and
 * ends their server sessions, waiting until none is left.
 */
public record EndToolSessionsStage(PostgresClient client) implements Stage {

    @Override
    public StageKind kind() {
        return StageKind.SQL;
    }

    @Override
    public String name() {
        return "end-tool-sessions";
    }

    @Override
    public String description() {
        return "stop kompose's tools left in service " + client.container().service() + " and end their sessions"
                + " (application_name " + client.applicationName() + ")";
    }

    @Override
    public List<String> commandText() {
        return List.of(client.endToolSessions().describe());
    }

    @Override
    public StageResult run(StageContext context) {
        ExecutionResult result = context.execute(client.endToolSessions());
        if (!result.succeeded()) {
            return StageResult.failed("could not end the tools' sessions in service " + client.container().service()
                    + " (" + result.explain() + "); look for application_name " + client.applicationName()
                    + " in pg_stat_activity");
        }
        return StageResult.succeeded();
    }
}
