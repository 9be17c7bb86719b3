package dev.kompose.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The private Docker daemon of e2e/ (see e2e/README.md), as the tests see it: the variables that
 * point docker and docker-compose at it (as e2e/env.sh exports them), and a few docker commands
 * the tests use to look at containers behind kompose's back. When the daemon is not there the
 * tests fail with a message saying how to start it (e2e/run-suite.sh), they are never skipped.
 */
public final class DockerEngine {
    private final Path state;
    private final Map<String, String> environment = new HashMap<>();

    private DockerEngine(Path state) {
        this.state = state;
        // As e2e/env.sh does: always the private daemon, whatever DOCKER_HOST the caller had.
        environment.put("DOCKER_HOST", "unix://" + state.resolve("docker.sock"));
        environment.put("DOCKER_CONFIG", state.resolve("docker-config").toString());
        environment.put("DOCKER_BUILDKIT", "0");
        // Empty = off: with it on, docker-compose v1's exec never closes stdin (see e2e/env.sh).
        environment.put("COMPOSE_INTERACTIVE_NO_CLI", "");
    }

    /** The daemon e2e/start-dockerd.sh started, failing loudly when it does not answer. */
    public static DockerEngine get() {
        DockerEngine engine = new DockerEngine(Path.of(valueOr("KOMPOSE_E2E_STATE", "/tmp/kompose-e2e")));
        Result info = engine.docker(Duration.ofSeconds(20), "info", "--format", "{{.ServerVersion}}");
        if (info.exitCode() != 0) {
            throw new AssertionError("the private Docker daemon does not answer at " + engine.environment.get("DOCKER_HOST")
                    + " (start it with e2e/run-suite.sh, or e2e/start-dockerd.sh and e2e/build-images.sh): " + info);
        }
        return engine;
    }

    private static String valueOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** DOCKER_HOST, DOCKER_CONFIG and friends, for kompose and every docker command. */
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** The folder of DOCKER_CONFIG, which holds the compose v2 plugin. */
    public Path configFolder() {
        return Path.of(environment.get("DOCKER_CONFIG"));
    }

    public Path stateFolder() {
        return state;
    }

    public Result docker(String... arguments) {
        return docker(Duration.ofSeconds(60), arguments);
    }

    public Result docker(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(Arrays.asList(arguments));
        return run(command, environment, timeout);
    }

    /** The output of a docker command that must succeed. */
    public String dockerOk(String... arguments) {
        Result result = docker(arguments);
        if (result.exitCode() != 0) {
            throw new AssertionError("docker " + String.join(" ", arguments) + " failed: " + result);
        }
        return result.out().strip();
    }

    /** Id of the running container of a compose service, or "" when none runs. */
    public String runningContainer(String project, String service) {
        String ids = dockerOk("ps", "-q", "--filter", "label=com.docker.compose.project=" + project,
                "--filter", "label=com.docker.compose.service=" + service, "--filter", "status=running");
        return ids.lines().findFirst().orElse("");
    }

    /** Names of every container of a compose project, running or not, sorted. */
    public List<String> containerNames(String project) {
        return dockerOk("ps", "-a", "--format", "{{.Names}}", "--filter", "label=com.docker.compose.project=" + project)
                .lines().filter(line -> !line.isBlank()).sorted().toList();
    }

    /** Names of the running containers of a compose project, sorted. */
    public List<String> runningContainerNames(String project) {
        return dockerOk("ps", "--format", "{{.Names}}", "--filter", "label=com.docker.compose.project=" + project,
                "--filter", "status=running").lines().filter(line -> !line.isBlank()).sorted().toList();
    }

    public List<String> volumes(String project) {
        return dockerOk("volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + project)
                .lines().filter(line -> !line.isBlank()).toList();
    }

    /** When the container last started (changes with every restart). */
    public String startedAt(String container) {
        return dockerOk("inspect", "-f", "{{.State.StartedAt}}", container);
    }

    /** Waits until the service's container reports healthy. */
    public void awaitHealthy(String project, String service, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            String container = runningContainer(project, service);
            if (!container.isEmpty()) {
                status = docker("inspect", "-f", "{{.State.Health.Status}}", container).out().strip();
                if (status.equals("healthy")) {
                    return;
                }
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError(project + "/" + service + " did not become healthy within " + limit + " (last status: "
                + status + ")\n" + docker("ps", "-a").out());
    }

    /** Removes whatever a project left (containers, volumes, networks): the tests' clean slate. */
    public void removeProject(String project) {
        String label = "label=com.docker.compose.project=" + project;
        List<String> containers = docker("ps", "-aq", "--filter", label).out().lines().filter(l -> !l.isBlank()).toList();
        if (!containers.isEmpty()) {
            List<String> command = new ArrayList<>(List.of("rm", "-f", "-v"));
            command.addAll(containers);
            docker(command.toArray(String[]::new));
        }
        for (String volume : volumes(project)) {
            docker("volume", "rm", "-f", volume);
        }
        docker("network", "prune", "-f", "--filter", label);
    }

    static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Runs a command with extra variables; stdin empty. */
    static Result run(List<String> command, Map<String, String> extraEnvironment, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(extraEnvironment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process process = builder.start();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), out.get(), err.get());
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException failure) {
            throw new IllegalStateException(String.join(" ", command) + ": " + failure.getMessage(), failure);
        }
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException closed) {
                return "";
            }
        });
    }

    /** Exit status and output of a command. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Whether the folder exists: used to tell the v2 plugin is installed. */
    public boolean hasComposePlugin() {
        return Files.isExecutable(configFolder().resolve("cli-plugins").resolve("docker-compose"));
    }
}
