package dev.kompose.docker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves each stack's engine in the read phase, as the docker CLI would in the stack's folder,
 * with one difference that keeps a pin from being lost: the most specific layer that names an
 * engine wins (--context &gt; -e &gt; the stack's .env &gt; the root .env &gt; kompose's environment),
 * and within one layer DOCKER_HOST wins over DOCKER_CONTEXT (docker's own rule). Docker config
 * folders are read once per run and shared by the stacks.
 */
public final class EngineResolver {
    private static final String HOST = "DOCKER_HOST";
    private static final String CONTEXT = "DOCKER_CONTEXT";
    private final String runContext;
    private final Map<Path, DockerContexts> configs = new HashMap<>();

    /** runContext: the --context NAME of the run, or null. */
    public EngineResolver(String runContext) {
        this.runContext = runContext == null || runContext.isBlank() ? null : runContext.strip();
    }

    /** One layer of a stack's environment and where it came from. */
    public record Layer(DockerEngine.Origin origin, Map<String, String> values) {
    }

    /**
     * The engine of one stack.
     *
     * @param layers the layers of its environment, the most specific first
     * @param variable reads the stack's layered environment (for DOCKER_CONFIG and HOME)
     */
    public synchronized DockerEngine resolve(List<Layer> layers, java.util.function.Function<String, String> variable) {
        if (runContext != null) {
            return context(runContext, DockerEngine.Origin.RUN_OPTION, variable);
        }
        for (Layer layer : layers) {
            String host = layer.values().get(HOST);
            if (host != null && !host.isBlank()) {
                return DockerEngine.ofHost(host, layer.origin());
            }
            String context = layer.values().get(CONTEXT);
            if (context != null && !context.isBlank()) {
                return context(context.strip(), layer.origin(), variable);
            }
        }
        String current = contexts(variable).currentContext();
        if (!current.isEmpty() && !current.equals("default")) {
            return context(current, DockerEngine.Origin.DOCKER_CONFIG, variable);
        }
        return DockerEngine.DEFAULT;
    }

    private DockerEngine context(String name, DockerEngine.Origin origin, java.util.function.Function<String, String> variable) {
        if (name.equals("default")) {
            String host = variable.apply(HOST);
            return DockerEngine.ofContext(name, host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host,
                    origin, "");
        }
        DockerContexts contexts = contexts(variable);
        Optional<String> endpoint = contexts.endpoint(name);
        if (endpoint.isEmpty()) {
            return DockerEngine.ofContext(name, "", origin, "docker context " + name + " (" + origin.describe()
                    + ") does not exist in " + contexts.folder() + (contexts.names().isEmpty() ? ""
                            : " (contexts: " + String.join(", ", contexts.names()) + ")"));
        }
        if (endpoint.get().isBlank()) {
            return DockerEngine.ofContext(name, "", origin, "docker context " + name + " has no docker endpoint");
        }
        return DockerEngine.ofContext(name, endpoint.get(), origin, "");
    }

    private DockerContexts contexts(java.util.function.Function<String, String> variable) {
        Path folder = DockerContexts.folderFor(variable.apply("DOCKER_CONFIG"), variable.apply("HOME"));
        return configs.computeIfAbsent(folder, DockerContexts::read);
    }
}
