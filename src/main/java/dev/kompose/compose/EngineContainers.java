package dev.kompose.compose;

import dev.kompose.exec.CommandSpec;
import dev.kompose.json.JsonText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The containers one Docker engine runs for compose projects, from one
 * {@code docker ps -a --filter label=com.docker.compose.project --format '{{json .}}'}: counted per
 * compose project (running, total, and by health). {@code status} asks each engine once, however
 * many stacks it serves. Parsing is pure; the query is run by the caller through the exec layer.
 *
 * @param engine the engine as {@link #engineOf} names it ("local", the DOCKER_HOST, "context NAME")
 * @param answered the engine answered the query (else its projects are unknown, not empty)
 * @param projects per compose project name, its containers counted
 * @param problem why the engine could not be asked or answered oddly, or empty
 */
public record EngineContainers(String engine, boolean answered, Map<String, Counts> projects, String problem) {
    public static final String LOCAL = "local";
    static final String PROJECT_LABEL = "com.docker.compose.project";
    private static final String CONTEXT_PREFIX = "context ";

    public EngineContainers {
        projects = Map.copyOf(projects);
    }

    /**
     * The engine a stack's containers run on: its DOCKER_HOST, else its DOCKER_CONTEXT, else the
     * local engine; variable reads the stack's layered environment.
     */
    public static String engineOf(Function<String, String> variable) {
        String host = variable.apply("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return host.strip();
        }
        String context = variable.apply("DOCKER_CONTEXT");
        if (context != null && !context.isBlank()) {
            return CONTEXT_PREFIX + context.strip();
        }
        return LOCAL;
    }

    /** The one query for an engine: every container with a compose project label, as JSON lines. */
    public static CommandSpec query(String engine) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (engine.startsWith(CONTEXT_PREFIX)) {
            variables.put("DOCKER_CONTEXT", engine.substring(CONTEXT_PREFIX.length()));
        } else if (!engine.equals(LOCAL)) {
            variables.put("DOCKER_HOST", engine);
        }
        return query(variables);
    }

    /** The query with the variables that reach the engine (DOCKER_HOST / DOCKER_CONTEXT). */
    public static CommandSpec query(Map<String, String> engineVariables) {
        CommandSpec.Builder command = CommandSpec.of("docker", "ps", "-a", "--filter", "label=" + PROJECT_LABEL,
                "--format", "{{json .}}").workingDirectory(Path.of(".")).standardInput(Path.of("/dev/null"))
                .timeout(Duration.ofSeconds(30));
        command.environment(engineVariables);
        return command.build();
    }

    /** Counts the containers in docker ps's JSON lines by compose project; lines that are not objects are counted as odd. */
    public static EngineContainers parse(String engine, List<String> lines) {
        Map<String, Counts> projects = new HashMap<>();
        int odd = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Object value;
            try {
                value = JsonText.read(line);
            } catch (IllegalArgumentException notJson) {
                value = null;
            }
            if (!(value instanceof Map<?, ?> container)) {
                odd++;
                continue;
            }
            String project = labels(String.valueOf(container.get("Labels"))).get(PROJECT_LABEL);
            if (project == null) {
                continue;
            }
            String state = String.valueOf(container.get("State"));
            String status = String.valueOf(container.get("Status"));
            projects.merge(project, Counts.of(state, status), Counts::plus);
        }
        return new EngineContainers(engine, true, projects, odd == 0 ? "" : odd + " line(s) of docker ps were not JSON objects");
    }

    /** An engine that could not be asked. */
    public static EngineContainers unreachable(String engine, String why) {
        return new EngineContainers(engine, false, Map.of(), why);
    }

    /** docker ps's Labels: "a=1,b=2" (a label whose value holds a comma is not one kompose reads). */
    static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                labels.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return labels;
    }

    /** The containers of one project: total, running, and how many report healthy, unhealthy or starting. */
    public record Counts(int total, int running, int healthy, int unhealthy, int starting) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        static Counts of(String state, String status) {
            return new Counts(1, "running".equals(state) ? 1 : 0, status.contains("(healthy)") ? 1 : 0,
                    status.contains("(unhealthy)") ? 1 : 0, status.contains("(health: starting)") ? 1 : 0);
        }

        Counts plus(Counts other) {
            return new Counts(total + other.total, running + other.running, healthy + other.healthy,
                    unhealthy + other.unhealthy, starting + other.starting);
        }

        /** "2/3", with the health of those that report one: "2/3 (1 unhealthy)". */
        public String describe() {
            StringBuilder text = new StringBuilder(running + "/" + total);
            List<String> health = new java.util.ArrayList<>();
            if (healthy > 0) {
                health.add(healthy + " healthy");
            }
            if (unhealthy > 0) {
                health.add(unhealthy + " unhealthy");
            }
            if (starting > 0) {
                health.add(starting + " starting");
            }
            if (!health.isEmpty()) {
                text.append(" (").append(String.join(", ", health)).append(')');
            }
            return text.toString();
        }
    }
}
