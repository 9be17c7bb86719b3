package dev.kompose.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A process to start, as a value: arguments, environment, folder and limits. Nothing here
 * starts anything; {@link ProcessRunner} does. Tests inspect command specs without running them.
 *
 * @param arguments the program and its arguments, each a separate word (never re-parsed by a shell)
 * @param environment variables set for the child on top of the inherited process environment
 * @param secretNames names in {@code environment} whose values are secrets (masked in every description)
 * @param workingDirectory folder the child starts in
 * @param standardInput a file fed to the child's standard input, or null for an empty input
 * @param standardOutput a file the child's standard output goes to (created or truncated; the child
 *     writes it directly, no copy through kompose), or null: its lines go to the observer. Standard
 *     error always stays separate and goes to the observer, never into this file.
 * @param timeout how long the child may run before it and its whole process tree are killed
 * @param ownProcessGroup start the child in a new session/process group, so that cancelling
 *     or timing out kills every process it started, including re-parented ones
 * @param terminal the child gets the operator's terminal: standard input, output and error are the
 *     terminal itself and nothing is captured (an interactive {@code docker compose exec}); only for a
 *     person at a terminal, never with a standard input file or a process group of its own
 */
public record CommandSpec(
        List<String> arguments,
        Map<String, String> environment,
        Set<String> secretNames,
        Path workingDirectory,
        Path standardInput,
        Path standardOutput,
        Duration timeout,
        boolean ownProcessGroup,
        boolean terminal) {

    public static final Duration NO_TIMEOUT = Duration.ofDays(365);

    public CommandSpec {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
        secretNames = Set.copyOf(secretNames);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(timeout, "timeout");
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program name");
        }
        if (terminal && (ownProcessGroup || standardInput != null || standardOutput != null)) {
            throw new IllegalArgumentException("a child on the terminal reads the terminal, in the terminal's process group");
        }
    }

    /** The same command with another environment. */
    public CommandSpec withEnvironment(Map<String, String> otherEnvironment) {
        return new CommandSpec(arguments, otherEnvironment, secretNames, workingDirectory, standardInput, standardOutput,
                timeout, ownProcessGroup, terminal);
    }

    /** The same command with another time limit. */
    public CommandSpec withTimeout(Duration limit) {
        return new CommandSpec(arguments, environment, secretNames, workingDirectory, standardInput, standardOutput,
                limit, ownProcessGroup, terminal);
    }

    public static Builder of(String... arguments) {
        return new Builder(List.of(arguments));
    }

    public static Builder of(List<String> arguments) {
        return new Builder(arguments);
    }

    /** The command as an operator would type it, with environment settings shown and secrets masked. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (String name : new TreeSet<>(secretNames)) {
            if (environment.containsKey(name)) {
                text.append(name).append("=*** ");
            }
        }
        text.append(ShellQuoting.join(arguments));
        if (standardInput != null && !standardInput.toString().equals("/dev/null")) {
            text.append(" < ").append(ShellQuoting.quote(standardInput.toString()));
        }
        if (standardOutput != null) {
            text.append(" > ").append(ShellQuoting.quote(standardOutput.toString()));
        }
        return text.toString();
    }

    /** Every secret value this command carries, for masking output. */
    public List<String> secretValues() {
        List<String> values = new ArrayList<>();
        for (String name : secretNames) {
            String value = environment.get(name);
            if (value != null && !value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    /** Fluent construction of a {@link CommandSpec}. */
    public static final class Builder {
        private final List<String> arguments;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Set<String> secretNames = new TreeSet<>();
        private Path workingDirectory = Path.of(".");
        private Path standardInput;
        private Path standardOutput;
        private Duration timeout = NO_TIMEOUT;
        private boolean ownProcessGroup;
        private boolean terminal;

        private Builder(List<String> arguments) {
            this.arguments = new ArrayList<>(arguments);
        }

        public Builder arguments(List<String> more) {
            arguments.addAll(more);
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder secret(String name, String value) {
            if (value != null) {
                environment.put(name, value);
                secretNames.add(name);
            }
            return this;
        }

        public Builder secretNames(Set<String> names) {
            secretNames.addAll(names);
            return this;
        }

        public Builder workingDirectory(Path folder) {
            this.workingDirectory = folder;
            return this;
        }

        public Builder standardInput(Path file) {
            this.standardInput = file;
            return this;
        }

        public Builder standardOutput(Path file) {
            this.standardOutput = file;
            return this;
        }

        public Builder timeout(Duration limit) {
            this.timeout = limit;
            return this;
        }

        public Builder ownProcessGroup(boolean own) {
            this.ownProcessGroup = own;
            return this;
        }

        /** The child gets the operator's terminal (no standard input file, no process group of its own). */
        public Builder terminal(boolean onTerminal) {
            this.terminal = onTerminal;
            return this;
        }

        public CommandSpec build() {
            return new CommandSpec(arguments, environment, secretNames, workingDirectory,
                    standardInput, standardOutput, timeout, ownProcessGroup, terminal);
        }
    }
}
