package dev.kompose.db;

import dev.kompose.compose.ComposeProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stack's PostgreSQL service as a place to run the database tools:
 * {@code docker compose -f FILE exec -T -e NAME... SERVICE TOOL ARGS} (v1: {@code docker-compose exec -T}),
 * in the stack folder, with the stack's environment for compose (so it finds the same project as
 * every other kompose command). Variables are passed to the container by name only ({@code -e
 * PGPASSWORD}): their values travel in compose's own environment, never in its arguments.
 *
 * @param program docker compose or docker-compose
 * @param composeFile the compose file's name in the stack folder
 * @param service the PostgreSQL service
 * @param composeEnvironment the variables compose runs with (the stack's layered values, COMPOSE_PROJECT_NAME, ...)
 */
public record ContainerTarget(ComposeProgram program, String composeFile, String service,
        Map<String, String> composeEnvironment) {

    public ContainerTarget {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(service, "service");
        composeEnvironment = Map.copyOf(composeEnvironment);
    }

    /** The words before the tool: program, -f FILE, exec -T, -e NAME for each passed variable, SERVICE. */
    public List<String> execPrefix(List<String> passedVariables) {
        List<String> argv = new ArrayList<>(program.words());
        argv.addAll(List.of("-f", composeFile, "exec", "-T"));
        for (String name : passedVariables) {
            argv.add("-e");
            argv.add(name);
        }
        argv.add(service);
        return argv;
    }
}
