package dev.kompose.docker;

import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Before a run, each engine the stacks are pinned to is asked once ({@code docker version}) whether
 * it answers, so that an unreachable or refusing engine fails its own stacks with one clear line
 * each (not a screen of compose errors per command) while the others go on. Through an
 * {@code ssh://} engine this call also opens the run's one shared connection to that host before
 * any stacks run at the same time. Building the command and reading its result is pure; the
 * caller runs it through the exec layer.
 */
public final class EngineCheck {
    /** docker's ssh helper waits 30 s for a connection; a little longer, so its own message wins. */
    static final Duration TIMEOUT = Duration.ofSeconds(40);

    private EngineCheck() {
    }

    /** Whether an engine needs asking before a run: every pinned engine that can be reached at all. */
    public static boolean needsCheck(DockerEngine engine) {
        return !engine.isDefault() && engine.usable();
    }

    /** The one question for an engine. */
    public static CommandSpec command(DockerEngine engine) {
        return CommandSpec.of("docker", "version", "--format", "{{.Server.Version}}")
                .environment(engine.queryVariables())
                .workingDirectory(Path.of("."))
                .standardInput(Path.of("/dev/null"))
                .timeout(TIMEOUT)
                .build();
    }

    /**
     * Why the engine cannot be used, from its answer (its standard error lines), or empty when it
     * answered. One line: what docker said last, which names the cause (refused, no such host,
     * permission denied), shortened.
     */
    public static Optional<String> problem(DockerEngine engine, ExecutionResult result, List<String> errorLines) {
        if (result.succeeded()) {
            return Optional.empty();
        }
        String said = errorLines.stream().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((first, second) -> second).orElse(result.explain());
        said = said.replaceFirst("^(?i)error during connect: ", "");
        int sshSaid = said.lastIndexOf("stderr=");
        if (sshSaid >= 0 && !said.substring(sshSaid + 7).isBlank()) {
            said = said.substring(sshSaid + 7).strip(); // what ssh said, not docker's long wrapper around it
        }
        if (said.length() > 300) {
            said = said.substring(0, 297) + "...";
        }
        return Optional.of("engine " + engine.describe() + " does not answer: " + said);
    }

    /** The error for a stack whose engine is an ssh:// address while compose is v1 (docker-compose). */
    public static String composeV1CannotReach(DockerEngine engine) {
        return "engine " + engine.describe() + " is reached over ssh://, which Compose v1 (docker-compose) cannot do"
                + " reliably (it needs Python's paramiko and ignores the port of your ssh config):"
                + " install Compose v2 (the docker compose plugin), or set KOMPOSE_COMPOSE=\"docker compose\"";
    }
}
