package dev.kompose.docker;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Docker engine a stack's containers run on, resolved once in the read phase: where it is
 * ({@code unix://}, {@code tcp://}, {@code ssh://user@host:port}, or a docker context naming one
 * of those), where kompose found it, and why it cannot be used when it cannot. Every docker child
 * of the stack (compose, hooks, database tools run through compose) gets {@link #variables()}, so
 * a stack pinned to a host never silently runs on the local engine.
 *
 * @param scheme what kind of address the engine has
 * @param host the engine's address (DOCKER_HOST, or the endpoint of its context); empty for the
 *     engine docker picks by itself
 * @param context the docker context that names it, or empty
 * @param origin where the pin was found
 * @param problem why this engine cannot be used (an unknown context, an address docker cannot
 *     reach), or empty
 */
public record DockerEngine(Scheme scheme, String host, String context, Origin origin, String problem) {

    /** Nothing pinned: the engine docker picks by itself (its default socket). */
    public static final DockerEngine DEFAULT = new DockerEngine(Scheme.DEFAULT, "", "", Origin.NONE, "");

    /*
     * equals and hashCode written out: every run puts its stacks' engines in a set, and a record's
     * generated ones are linked through method handles on first use, ~10 ms in a cold JVM even with
     * an AOT cache (measured: Temurin 25, a record's first hashCode 10-14 ms, equals 5-8 ms).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof DockerEngine engine && scheme == engine.scheme && host.equals(engine.host)
                && context.equals(engine.context) && origin == engine.origin && problem.equals(engine.problem);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(scheme, host, context, origin, problem);
    }

    /** The kinds of engine address. */
    public enum Scheme {
        DEFAULT, UNIX, TCP, SSH, OTHER;

        static Scheme of(String address) {
            String lower = address.toLowerCase(Locale.ROOT);
            if (lower.startsWith("unix://")) {
                return UNIX;
            }
            if (lower.startsWith("tcp://") || lower.startsWith("http://") || lower.startsWith("https://")) {
                return TCP;
            }
            if (lower.startsWith("ssh://")) {
                return SSH;
            }
            return OTHER;
        }
    }

    /** Where kompose found the engine, from the most to the least specific. */
    public enum Origin {
        RUN_OPTION("--context"), OVERRIDE("-e"), STACK_ENV("the stack's .env"), NETWORK("--network"),
        ROOT_ENV("the root .env"), PROCESS("kompose's environment"), DOCKER_CONFIG("docker's current context"),
        NONE("docker's default");

        private final String text;

        Origin(String text) {
            this.text = text;
        }

        public String describe() {
            return text;
        }
    }

    public DockerEngine {
        host = host == null ? "" : host.strip();
        context = context == null ? "" : context.strip();
        problem = problem == null ? "" : problem;
    }

    /** An engine named by its address (DOCKER_HOST). */
    public static DockerEngine ofHost(String address, Origin origin) {
        String host = address.strip();
        Scheme scheme = Scheme.of(host);
        String problem = switch (scheme) {
            case OTHER -> "DOCKER_HOST=" + host + " is not an address docker can reach (unix://, tcp:// or ssh://)";
            case SSH -> SshAddress.parse(host).problem();
            default -> "";
        };
        return new DockerEngine(scheme, host, "", origin, problem);
    }

    /** An engine named by a docker context whose endpoint is host (empty when the context is unknown: problem says why). */
    public static DockerEngine ofContext(String name, String host, Origin origin, String problem) {
        Scheme scheme = host.isEmpty() ? Scheme.OTHER : Scheme.of(host);
        String why = !problem.isEmpty() ? problem : scheme == Scheme.SSH ? SshAddress.parse(host).problem() : "";
        return new DockerEngine(scheme, host, name, origin, why);
    }

    public boolean isDefault() {
        return scheme == Scheme.DEFAULT;
    }

    public boolean isSsh() {
        return scheme == Scheme.SSH;
    }

    public boolean usable() {
        return problem.isEmpty();
    }

    /**
     * How the engine is shown (--list, status, panel, prompt) and grouped (one status query per key):
     * "local", the address, or "context NAME".
     */
    public String label() {
        if (!context.isEmpty()) {
            return "context " + context;
        }
        return isDefault() ? "local" : host;
    }

    /** A few characters for narrow places (panel rows, the prompt): the context, the ssh host, host:port, or the socket's file. */
    public String shortLabel() {
        if (!context.isEmpty()) {
            return context;
        }
        return switch (scheme) {
            case DEFAULT -> "local";
            case SSH -> SshAddress.parse(host).host();
            case UNIX -> host.substring(host.lastIndexOf('/') + 1);
            default -> host.replaceFirst("^[a-zA-Z]+://", "");
        };
    }

    /** The label with the context's address: "context far (ssh://deploy@far)". */
    public String describe() {
        return context.isEmpty() || host.isEmpty() ? label() : label() + " (" + host + ")";
    }

    /**
     * The variables every docker child of the stack gets so that it reaches this engine and no
     * other: a pinned address sets DOCKER_HOST and clears DOCKER_CONTEXT; a pinned context sets
     * DOCKER_CONTEXT and clears DOCKER_HOST (which docker would otherwise prefer). Nothing when
     * the pin is only what kompose's own environment already gives every child.
     */
    public Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        if (isDefault() || origin == Origin.PROCESS || origin == Origin.DOCKER_CONFIG) {
            return variables;
        }
        if (!context.isEmpty()) {
            variables.put("DOCKER_HOST", "");
            variables.put("DOCKER_CONTEXT", context);
        } else {
            variables.put("DOCKER_HOST", host);
            variables.put("DOCKER_CONTEXT", "");
        }
        return variables;
    }

    /** The variables that reach this engine from any environment (for kompose's own queries, such as status). */
    public Map<String, String> queryVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        if (isDefault()) {
            return variables;
        }
        variables.put("DOCKER_HOST", context.isEmpty() ? host : "");
        variables.put("DOCKER_CONTEXT", context);
        return variables;
    }
}
