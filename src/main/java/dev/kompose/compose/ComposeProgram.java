package dev.kompose.compose;

import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Which program runs compose: KOMPOSE_COMPOSE when set (split on whitespace), else the Compose v2
 * plugin when {@code docker compose version} works, else the v1 {@code docker-compose}.
 *
 * @param words the program and its leading arguments ("docker", "compose")
 * @param origin how it was chosen, for error messages
 */
public record ComposeProgram(List<String> words, String origin) {
    public static final List<String> PLUGIN = List.of("docker", "compose");
    public static final List<String> STANDALONE = List.of("docker-compose");

    public ComposeProgram {
        words = List.copyOf(words);
    }

    /** The configured program, if KOMPOSE_COMPOSE is set and not blank. */
    public static java.util.Optional<ComposeProgram> configured(String variable) {
        if (variable == null || variable.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ComposeProgram(Arrays.asList(variable.trim().split("\\s+")), "KOMPOSE_COMPOSE"));
    }

    /** The probe that tells whether the v2 plugin works. */
    public static CommandSpec pluginProbe() {
        return CommandSpec.of("docker", "compose", "version")
                .workingDirectory(Path.of("."))
                .standardInput(Path.of("/dev/null"))
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    /** The choice an earlier probe made, remembered (see {@link ComposeProbeMemory}). */
    public static ComposeProgram remembered(boolean pluginWorks) {
        return pluginWorks
                ? new ComposeProgram(PLUGIN, "docker compose version succeeded (remembered while docker is unchanged)")
                : new ComposeProgram(STANDALONE, "docker compose is not available (remembered while docker is unchanged); using docker-compose");
    }

    /** The choice after running {@link #pluginProbe()}. */
    public static ComposeProgram fromProbe(ExecutionResult probe) {
        return probe.succeeded()
                ? new ComposeProgram(PLUGIN, "docker compose version succeeded")
                : new ComposeProgram(STANDALONE, "docker compose is not available; using docker-compose");
    }
}
