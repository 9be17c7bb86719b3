package dev.kompose.cli;

import dev.kompose.exec.DurationText;
import dev.kompose.progress.ProgressMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings one command runs with, as an immutable value: where the stacks are, the overrides,
 * the modes. Options on a command line give a changed copy; the shell keeps one value and each of
 * its lines runs with a copy that the line's own options changed.
 *
 * @param root the folder holding the stacks
 * @param overrides -e KEY=VALUE and the shell's set, in order
 * @param network --network NAME, or null
 * @param dryRun print every stage, run nothing
 * @param assumeYes -y: ask no confirmation
 * @param interactiveTerminal a person can answer prompts: standard input and output are a terminal
 * @param colour coloured output
 * @param hookTimeout how long a hook may run
 * @param progressMode --progress
 * @param output -o/--output: text for people, or one JSON document on standard output
 * @param context --context NAME: the docker context every stack of the run uses, or null (each stack's own engine)
 * @param parallel --parallel N: how many stacks run at a time (1: one after another, in order)
 * @param columns the width of the terminal tables are printed on (the shell's), or 0 for no limit
 */
public record Settings(Path root, Map<String, String> overrides, String network, boolean dryRun, boolean assumeYes,
        boolean interactiveTerminal, boolean colour, Duration hookTimeout, ProgressMode progressMode, OutputFormat output,
        String context, int parallel, int columns) {
    public static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofMinutes(10);
    /** The most stacks --parallel runs at a time (sshd's MaxSessions is 10 per shared connection by default). */
    public static final int MAX_PARALLEL = 8;

    public Settings {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new IllegalArgumentException("parallel must be 1 to " + MAX_PARALLEL + ", not " + parallel);
        }
    }

    /** The settings of a fresh command: root from KOMPOSE_ROOT, else the current folder. */
    public static Settings initial(Map<String, String> processEnvironment, boolean terminal, boolean colour) {
        String configuredRoot = processEnvironment.get("KOMPOSE_ROOT");
        Path root = Path.of(configuredRoot == null || configuredRoot.isEmpty() ? "." : configuredRoot)
                .toAbsolutePath().normalize();
        return new Settings(root, Map.of(), null, false, false, terminal, colour, DEFAULT_HOOK_TIMEOUT, ProgressMode.AUTO,
                OutputFormat.TEXT, null, 1, 0);
    }

    /** The width tables may take (the shell sets its terminal's before each line). */
    public Settings withColumns(int width) {
        return new Settings(root, overrides, network, dryRun, assumeYes, interactiveTerminal, colour, hookTimeout,
                progressMode, output, context, parallel, width);
    }

    public Settings withRoot(Path folder) {
        return new Settings(folder, overrides, network, dryRun, assumeYes, interactiveTerminal, colour, hookTimeout,
                progressMode, output, context, parallel, columns);
    }

    /** These overrides added over the present ones (a later value wins). */
    public Settings withOverrides(Map<String, String> added) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(added);
        return new Settings(root, all, network, dryRun, assumeYes, interactiveTerminal, colour, hookTimeout,
                progressMode, output, context, parallel, columns);
    }

    public Settings withoutOverride(String key) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.remove(key);
        return new Settings(root, all, network, dryRun, assumeYes, interactiveTerminal, colour, hookTimeout,
                progressMode, output, context, parallel, columns);
    }

    public Settings withNetwork(String name) {
        return new Settings(root, overrides, name, dryRun, assumeYes, interactiveTerminal, colour, hookTimeout,
                progressMode, output, context, parallel, columns);
    }

    public Settings withDryRun(boolean on) {
        return new Settings(root, overrides, network, on, assumeYes, interactiveTerminal, colour, hookTimeout,
                progressMode, output, context, parallel, columns);
    }

    public Settings withAssumeYes(boolean yes) {
        return new Settings(root, overrides, network, dryRun, yes, interactiveTerminal, colour, hookTimeout,
                progressMode, output, context, parallel, columns);
    }

    public Settings withColour(boolean on) {
        return new Settings(root, overrides, network, dryRun, assumeYes, interactiveTerminal, on, hookTimeout,
                progressMode, output, context, parallel, columns);
    }

    public Settings withHookTimeout(Duration timeout) {
        return new Settings(root, overrides, network, dryRun, assumeYes, interactiveTerminal, colour, timeout,
                progressMode, output, context, parallel, columns);
    }

    public Settings withProgressMode(ProgressMode mode) {
        return new Settings(root, overrides, network, dryRun, assumeYes, interactiveTerminal, colour, hookTimeout,
                mode, output, context, parallel, columns);
    }

    public Settings withOutput(OutputFormat format) {
        return new Settings(root, overrides, network, dryRun, assumeYes, interactiveTerminal, colour, hookTimeout,
                progressMode, format, context, parallel, columns);
    }

    /** The docker context every stack of the run uses (--context), or null for each stack's own engine. */
    public Settings withContext(String name) {
        return new Settings(root, overrides, network, dryRun, assumeYes, interactiveTerminal, colour, hookTimeout,
                progressMode, output, name, parallel, columns);
    }

    public Settings withParallel(int stacksAtATime) {
        return new Settings(root, overrides, network, dryRun, assumeYes, interactiveTerminal, colour, hookTimeout,
                progressMode, output, context, stacksAtATime, columns);
    }

    /** True when standard output carries one JSON document and every message goes to standard error. */
    public boolean jsonOutput() {
        return output == OutputFormat.JSON;
    }

    /** A short description of the state, for the shell prompt: "dry-run +1 override net=proxy". */
    public String describeState() {
        StringBuilder state = new StringBuilder();
        if (dryRun) {
            state.append(" dry-run");
        }
        if (!overrides.isEmpty()) {
            state.append(" +").append(overrides.size()).append(overrides.size() == 1 ? " override" : " overrides");
        }
        if (network != null) {
            state.append(" net=").append(network);
        }
        if (!hookTimeout.equals(DEFAULT_HOOK_TIMEOUT)) {
            state.append(" hook-timeout=").append(DurationText.format(hookTimeout));
        }
        if (progressMode != ProgressMode.AUTO) {
            state.append(" progress=").append(progressMode.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (output != OutputFormat.TEXT) {
            state.append(" output=").append(output.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (context != null) {
            state.append(" context=").append(context);
        }
        if (parallel != 1) {
            state.append(" parallel=").append(parallel);
        }
        return state.toString().strip();
    }
}
