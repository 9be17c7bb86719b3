package dev.kompose.cli;

import dev.kompose.compose.ComposeProgram;
import dev.kompose.docker.DockerEngine;
import dev.kompose.docker.EngineCheck;
import dev.kompose.exec.Cancellation;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.exec.OutputStreamName;
import dev.kompose.exec.ProcessObserver;
import dev.kompose.exec.ProcessRunner;
import dev.kompose.exec.SharedSshConnections;
import dev.kompose.read.StackSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The Docker engines of one run: the process runner every child of the run goes through (sharing
 * one SSH connection per host when a stack's engine is {@code ssh://}), and why a stack cannot
 * run on its engine — a pin kompose cannot follow (an unknown context, an address docker cannot
 * reach), an {@code ssh://} engine with Compose v1, or an engine that did not answer when it was
 * asked once before the run. Closing it closes the run's SSH connections.
 */
final class RunEngines implements AutoCloseable {
    private final ProcessRunner runner;
    private final SharedSshConnections ssh;
    private final Map<DockerEngine, String> unusable;
    private final Map<Path, String> rowLabels;

    private RunEngines(ProcessRunner runner, SharedSshConnections ssh, Map<DockerEngine, String> unusable,
            Map<Path, String> rowLabels) {
        this.runner = runner;
        this.ssh = ssh;
        this.unusable = unusable;
        this.rowLabels = rowLabels;
    }

    /**
     * Prepares the engines of the stacks: shares SSH connections in a real run, and asks each
     * pinned engine once (all at the same time) when the operation reaches the engines.
     */
    static RunEngines prepare(Session session, List<StackSnapshot> stacks, ComposeProgram compose, boolean dryRun,
            boolean reachesEngine) {
        Set<DockerEngine> engines = new LinkedHashSet<>();
        stacks.forEach(stack -> engines.add(stack.engine()));
        Map<DockerEngine, String> unusable = new LinkedHashMap<>();
        for (DockerEngine engine : engines) {
            if (!engine.usable()) {
                unusable.put(engine, "engine " + engine.label() + ": " + engine.problem());
            } else if (engine.isSsh() && compose != null && compose.words().equals(ComposeProgram.STANDALONE)) {
                unusable.put(engine, EngineCheck.composeV1CannotReach(engine));
            }
        }
        SharedSshConnections ssh = null;
        ProcessRunner runner = session.processRunner();
        if (!dryRun && engines.stream().anyMatch(DockerEngine::isSsh)) {
            ssh = SharedSshConnections.open(runner, session.processEnvironment()).orElse(null);
            runner = ssh == null ? runner : ssh;
        }
        if (!dryRun && reachesEngine) {
            unusable.putAll(check(runner, engines.stream()
                    .filter(engine -> !unusable.containsKey(engine) && EngineCheck.needsCheck(engine)).toList()));
        }
        Map<Path, String> labels = new LinkedHashMap<>();
        if (engines.stream().anyMatch(engine -> !engine.isDefault())) {
            stacks.forEach(stack -> labels.put(stack.folder(), stack.engine().shortLabel()));
        }
        return new RunEngines(runner, ssh, unusable, labels);
    }

    /** Asks every engine at the same time, so that hosts that do not answer cost one timeout, not one each. */
    private static Map<DockerEngine, String> check(ProcessRunner runner, List<DockerEngine> engines) {
        Map<DockerEngine, String> problems = new LinkedHashMap<>();
        if (engines.isEmpty()) {
            return problems;
        }
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(engines.size());
        try {
            Map<DockerEngine, CompletableFuture<Optional<String>>> answers = new LinkedHashMap<>();
            for (DockerEngine engine : engines) {
                answers.put(engine, CompletableFuture.supplyAsync(() -> ask(runner, engine), threads));
            }
            answers.forEach((engine, answer) -> answer.join().ifPresent(problem -> problems.put(engine, problem)));
            return problems;
        } finally {
            threads.shutdown();
        }
    }

    private static Optional<String> ask(ProcessRunner runner, DockerEngine engine) {
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutionResult result = runner.run(EngineCheck.command(engine), new ProcessObserver() {
            @Override
            public void line(OutputStreamName stream, String line) {
                if (stream == OutputStreamName.STDERR) {
                    errors.add(line);
                }
            }
        }, Cancellation.none());
        return EngineCheck.problem(engine, result, List.copyOf(errors));
    }

    /** Why this stack cannot run on its engine, or empty. */
    Optional<String> refusal(StackSnapshot stack) {
        return Optional.ofNullable(unusable.get(stack.engine()));
    }

    /** The runner for every child of the run. */
    ProcessRunner runner() {
        return runner;
    }

    /** Each stack's engine for the panel rows, by stack folder; empty when every stack is on docker's default engine. */
    Map<Path, String> rowLabels() {
        return rowLabels;
    }

    @Override
    public void close() {
        if (ssh != null) {
            ssh.close();
        }
    }
}
