package dev.kompose.cli;

import dev.kompose.exec.ProcessRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What one command (or one line of the shell) runs with: the parts it uses (process runner,
 * clock, output, the way into the interactive shell) and its {@link Settings}. Immutable: a
 * command with options runs on {@link #with(Settings) a copy}.
 */
public final class Session {
    private final Map<String, String> processEnvironment;
    private final ProcessRunner processRunner;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ShellLauncher shellLauncher;
    private final Settings settings;

    public Session(Map<String, String> processEnvironment, ProcessRunner processRunner, Clock clock, PrintWriter out,
            PrintWriter err, ShellLauncher shellLauncher, Settings settings) {
        this.processEnvironment = Map.copyOf(processEnvironment);
        this.processRunner = processRunner;
        this.clock = clock;
        this.out = out;
        this.err = err;
        this.shellLauncher = shellLauncher;
        this.settings = settings;
    }

    /** A session with the initial settings for the environment (root from KOMPOSE_ROOT) and no shell. */
    public Session(Map<String, String> processEnvironment, ProcessRunner processRunner, Clock clock, PrintWriter out,
            PrintWriter err) {
        this(processEnvironment, processRunner, clock, out, err, ShellLauncher.NONE,
                Settings.initial(processEnvironment, false, false));
    }

    /** The same parts with other settings. */
    public Session with(Settings other) {
        return new Session(processEnvironment, processRunner, clock, out, err, shellLauncher, other);
    }

    public Session withShellLauncher(ShellLauncher launcher) {
        return new Session(processEnvironment, processRunner, clock, out, err, launcher, settings);
    }

    public Settings settings() {
        return settings;
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

    public ShellLauncher shellLauncher() {
        return shellLauncher;
    }

    public Path root() {
        return settings.root();
    }
}
