package dev.kompose.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real kompose command line in its own JVM (the Main class on the test class path), as a
 * black box: arguments in; exit status, stdout and stderr out. Stdin is empty and not a terminal.
 */
public final class KomposeProcess {
    private final Map<String, String> environment = new HashMap<>();
    private Path workingDirectory = Path.of(".").toAbsolutePath();
    private Duration timeout = Duration.ofMinutes(3);
    private java.io.File standardInput = new java.io.File("/dev/null");
    private boolean withoutLocale;

    public KomposeProcess environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public KomposeProcess workingDirectory(Path folder) {
        this.workingDirectory = folder;
        return this;
    }

    /** Feeds this file to kompose's standard input (not a terminal); /dev/null by default. */
    public KomposeProcess standardInput(Path file) {
        this.standardInput = file.toFile();
        return this;
    }

    /**
     * Runs kompose as cron or {@code ssh host kompose} would: an environment holding only what
     * {@link #environment(String, String)} set plus PATH and HOME (no LANG, no LC_*), started
     * through the launchers' shared locale logic ({@code launcher/utf8-locale.sh}), as ./kompose
     * and the .deb's wrapper start it.
     */
    public KomposeProcess withoutLocale() {
        this.withoutLocale = true;
        return this;
    }

    public KomposeProcess timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Starts kompose without waiting (for signal tests). */
    public Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.kompose.Main"));
        command.addAll(List.of(arguments));
        if (withoutLocale) {
            List<String> viaLauncherLogic = new ArrayList<>(List.of("/bin/sh", "-c",
                    ". \"$0\" && kompose_utf8_locale && exec \"$@\"",
                    Path.of("launcher/utf8-locale.sh").toAbsolutePath().toString()));
            viaLauncherLogic.addAll(command);
            command = viaLauncherLogic;
        }
        // A test JVM started in the background by a script (e2e/run-suite.sh runs Maven with `setsid … &`)
        // inherits SIGINT ignored, and a JVM never handles a signal ignored at its start: give kompose the
        // default disposition back, as a shell gives it to a foreground command, so Ctrl-C can be tested.
        List<String> withSignals = new ArrayList<>(List.of("env", "--default-signal=INT"));
        withSignals.addAll(command);
        command = withSignals;
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().remove("KOMPOSE_ROOT");
        if (withoutLocale) {
            Map<String, String> inherited = Map.of("PATH", System.getenv("PATH"), "HOME", System.getProperty("user.home"));
            String cache = System.getenv("XDG_CACHE_HOME"); // the build's, set by surefire: not the tester's home
            builder.environment().clear();
            builder.environment().putAll(inherited);
            if (cache != null) {
                builder.environment().put("XDG_CACHE_HOME", cache);
            }
        }
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(standardInput));
        return builder.start();
    }

    public Result run(String... arguments) {
        try {
            Process process = start(arguments);
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("kompose " + String.join(" ", arguments) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), out.get(), err.get());
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException failure) {
            throw new IllegalStateException(failure);
        }
    }

    static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException closed) {
                return "";
            }
        });
    }

    /** What a kompose run left: exit status and both output streams. */
    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
