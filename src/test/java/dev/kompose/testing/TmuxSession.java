package dev.kompose.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real terminal for tests: a detached tmux session of a given size running a bash script. */
public final class TmuxSession implements AutoCloseable {
    private final String name;

    private TmuxSession(String name) {
        this.name = name;
    }

    /** Starts script (bash) in a new session of columns x rows with TERM=xterm-256color. */
    public static TmuxSession start(Path script, int columns, int rows) throws IOException, InterruptedException {
        String name = "kompose-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        tmux("new-session", "-d", "-s", name, "-x", Integer.toString(columns), "-y", Integer.toString(rows),
                "env -u CI TERM=xterm-256color bash --norc --noprofile " + script);
        tmux("set-option", "-t", name, "remain-on-exit", "on");
        tmux("set-option", "-t", name, "history-limit", "5000");
        return new TmuxSession(name);
    }

    /** The visible screen. */
    public String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", name);
    }

    /** Scrollback and screen. */
    public String scrollback() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-S", "-5000", "-t", name);
    }

    public void sendKeys(String... keys) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("send-keys", "-t", name));
        command.addAll(List.of(keys));
        tmux(command.toArray(String[]::new));
    }

    /** A bash script line that runs kompose's Main from the test class path with arguments (each quoted). */
    public static String komposeCommand(String... arguments) {
        List<String> words = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.kompose.Main"));
        words.addAll(List.of(arguments));
        return String.join(" ", words.stream().map(word -> "'" + word.replace("'", "'\\''") + "'").toList());
    }

    public static Path script(Path folder, String body) throws IOException {
        Path script = folder.resolve("run.sh");
        Files.writeString(script, body, StandardCharsets.UTF_8);
        return script;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        tmux("kill-session", "-t", name);
    }

    private static String tmux(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of());
        builder.environment().remove("TMUX");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}
