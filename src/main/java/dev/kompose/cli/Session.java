package dev.kompose.cli;

import dev.kompose.exec.DurationText;
import dev.kompose.exec.ProcessRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings one command (or one interactive shell) runs with: where the stacks are, the
 * overrides, the modes, and the parts it uses (process runner, clock, output). The shell keeps one
 * session and changes it with set / unset / dry-run.
 */
public final class Session {
    public static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofMinutes(10);

    private final Map<String, String> processEnvironment;
    private final ProcessRunner processRunner;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;
    private Path root;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private String network;
    private boolean dryRun;
    private boolean assumeYes;
    private boolean interactiveTerminal;
    private boolean colour;
    private Duration hookTimeout = DEFAULT_HOOK_TIMEOUT;
    private dev.kompose.progress.ProgressMode progressMode = dev.kompose.progress.ProgressMode.AUTO;

    public Session(Map<String, String> processEnvironment, ProcessRunner processRunner, Clock clock, PrintWriter out,
            PrintWriter err) {
        this.processEnvironment = Map.copyOf(processEnvironment);
        this.processRunner = processRunner;
        this.clock = clock;
        this.out = out;
        this.err = err;
        String configuredRoot = processEnvironment.get("KOMPOSE_ROOT");
        this.root = Path.of(configuredRoot == null || configuredRoot.isEmpty() ? "." : configuredRoot)
                .toAbsolutePath().normalize();
    }

    public Map<String, String> processEnvironment() {
        return processEnvironment;
    }

    public ProcessRunner processRunner() {
        return processRunner;
    }

    public Clock clock() {
        return clock;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Path root() {
        return root;
    }

    public void root(Path folder) {
        this.root = folder;
    }

    public Map<String, String> overrides() {
        return overrides;
    }

    public String network() {
        return network;
    }

    public void network(String name) {
        this.network = name;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public void dryRun(boolean on) {
        this.dryRun = on;
    }

    public boolean assumeYes() {
        return assumeYes;
    }

    public void assumeYes(boolean yes) {
        this.assumeYes = yes;
    }

    /** True when a person can answer prompts: standard input and output are a terminal. */
    public boolean interactiveTerminal() {
        return interactiveTerminal;
    }

    public void interactiveTerminal(boolean terminal) {
        this.interactiveTerminal = terminal;
    }

    public boolean colour() {
        return colour;
    }

    public void colour(boolean on) {
        this.colour = on;
    }

    public Duration hookTimeout() {
        return hookTimeout;
    }

    public void hookTimeout(Duration timeout) {
        this.hookTimeout = timeout;
    }

    /** --progress: how db:export and db:import show progress (AUTO: the panel on a terminal, else plain lines). */
    public dev.kompose.progress.ProgressMode progressMode() {
        return progressMode;
    }

    public void progressMode(dev.kompose.progress.ProgressMode mode) {
        this.progressMode = mode;
    }

    /** A one-line description of the session state, for the shell prompt and --verbose. */
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
        return state.toString().strip();
    }
}
