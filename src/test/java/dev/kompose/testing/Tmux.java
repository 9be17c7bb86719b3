package dev.kompose.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for tests: a detached tmux session running kompose (the Main class from the test
 * class path, in its own JVM) that tests type into with send-keys and read with capture-pane.
 * The pane stays open after kompose exits and shows {@code [kompose exited N]}.
 */
public final class Tmux implements AutoCloseable {
    private final String session;

    private Tmux(String session) {
        this.session = session;
    }

    /** Starts kompose with the arguments in a new 160x50 tmux session, the environment added. */
    public static Tmux start(Path scratch, Map<String, String> environment, String... arguments) throws IOException {
        return start(scratch, environment, java.util.List.of(), arguments);
    }

    /**
     * As {@link #start(Path, Map, String...)}, with the variables named in removed first (CI, say:
     * a person's terminal has none).
     */
    public static Tmux start(Path scratch, Map<String, String> environment, java.util.List<String> removed,
            String... arguments) throws IOException {
        return startAround(scratch, environment, removed, "", "", arguments);
    }

    /**
     * As {@link #start(Path, Map, List, String...)}, with bash lines run before kompose starts and after it
     * ended ({@code stty -g > before}, say), in the same terminal.
     */
    public static Tmux startAround(Path scratch, Map<String, String> environment, java.util.List<String> removed,
            String before, String after, String... arguments) throws IOException {
        StringBuilder script = new StringBuilder();
        removed.forEach(variable -> script.append("unset ").append(variable).append('\n'));
        environment.forEach((key, value) -> script.append("export ").append(key).append("='").append(value).append("'\n"));
        script.append(before).append('\n').append(komposeCommand(arguments));
        script.append("\nstatus=$?\n").append(after).append("\necho \"[kompose exited $status]\"\nsleep 600\n");
        return startScript(scratch, script.toString());
    }

    /** The shell words that start kompose (the Main class from the test class path, in its own JVM) with the arguments. */
    public static String komposeCommand(String... arguments) {
        StringBuilder command = new StringBuilder("'").append(Path.of(System.getProperty("java.home"), "bin", "java"))
                .append("' -XX:TieredStopAtLevel=1 -cp '").append(System.getProperty("java.class.path")).append("' dev.kompose.Main");
        for (String argument : arguments) {
            command.append(" '").append(argument).append("'");
        }
        return command.toString();
    }

    /** Runs a bash script (its text, without the #! line) in a new 160x50 tmux session. */
    public static Tmux startScript(Path scratch, String bashScript) throws IOException {
        String name = "kompose-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path launcher = Files.writeString(scratch.resolve("run-" + System.nanoTime() + ".sh"), "#!/bin/bash\n" + bashScript);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        tmux("new-session", "-d", "-s", name, "-x", "160", "-y", "50", launcher.toString());
        return new Tmux(name);
    }

    /** Types text literally (no key names). */
    public Tmux type(String text) {
        tmux("send-keys", "-t", session, "-l", "--", text);
        return this;
    }

    /** Presses keys by tmux name: Enter, Tab, C-c, C-d. */
    public Tmux press(String... keys) {
        List<String> command = new ArrayList<>(List.of("send-keys", "-t", session));
        command.addAll(List.of(keys));
        tmux(command.toArray(String[]::new));
        return this;
    }

    /** The screen and scrollback as text. */
    public String screen() {
        return tmux("capture-pane", "-p", "-J", "-S", "-2000", "-t", session);
    }

    /** The visible screen with its colours as escape sequences. */
    public String screenWithColours() {
        return tmux("capture-pane", "-p", "-e", "-t", session);
    }

    /** Waits until the screen satisfies the condition; fails with the screen when it does not in time. */
    public String waitFor(String what, Predicate<String> condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String screen = screen();
        while (!condition.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what + "; the screen:\n" + screen);
            }
            sleep(100);
            screen = screen();
        }
        return screen;
    }

    public String waitFor(String text) {
        return waitFor("\"" + text + "\"", screen -> screen.contains(text), Duration.ofSeconds(30));
    }

    /** Waits until the text appears count times on the screen. */
    public String waitForCount(String text, int count) {
        return waitFor(count + " x \"" + text + "\"", screen -> screen.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= count,
                Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        tmux("kill-session", "-t", session);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tmux(String... arguments) {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("tmux " + String.join(" ", arguments) + " failed: " + output);
            }
            return output;
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException("tmux could not run: " + failure.getMessage(), failure);
        }
    }
}
