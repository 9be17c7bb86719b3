package dev.kompose.cli;

import dev.kompose.db.DatabaseSettings;
import dev.kompose.db.PostgresClient;
import dev.kompose.db.ToolCheck;
import dev.kompose.db.ToolChoice;
import dev.kompose.exec.Cancellation;
import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.exec.OutputStreamName;
import dev.kompose.exec.ProcessObserver;
import dev.kompose.exec.ProcessRunner;
import dev.kompose.planner.DatabasePlanner;
import dev.kompose.planner.PlanningContext;
import dev.kompose.read.StackSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Before planning a real export, import or verify: each stack's tools checked where they run
 * (present, the service running, the role there, the client not older than the server), as
 * processes run here and not in a planner. The verdict travels in the snapshot; a refusal fails the
 * stack before any hook or change. Stacks are checked up to {@link #AT_ONCE} at a time: each check
 * waits on a psql and a pg_dump (in a container on one {@code docker compose exec} that answers both,
 * 0.17–0.5 s here), so {@code '*' db:export} over ten stacks would otherwise wait for them in a row.
 */
final class DatabaseToolChecks {
    static final int AT_ONCE = 8;
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(30);

    private DatabaseToolChecks() {
    }

    /** The snapshots, in their order, each with its checked tools (or as it was: refused by its engine, no database). */
    static List<StackSnapshot> check(List<StackSnapshot> snapshots, PlanningContext context, RunEngines engines) {
        if (snapshots.size() < 2) {
            return snapshots.stream().map(snapshot -> checkOne(snapshot, context, engines)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(AT_ONCE, snapshots.size()), task -> {
            Thread thread = new Thread(task, "kompose-tool-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<StackSnapshot>> checks = snapshots.stream()
                    .map(snapshot -> CompletableFuture.supplyAsync(() -> checkOne(snapshot, context, engines), pool))
                    .toList();
            List<StackSnapshot> checked = new ArrayList<>(checks.size());
            for (CompletableFuture<StackSnapshot> check : checks) {
                try {
                    checked.add(check.join());
                } catch (CompletionException failed) {
                    throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
                }
            }
            return checked;
        } finally {
            pool.shutdownNow();
        }
    }

    private static StackSnapshot checkOne(StackSnapshot snapshot, PlanningContext context, RunEngines engines) {
        Optional<DatabaseSettings> settings = snapshot.databaseSettings();
        if (engines.refusal(snapshot).isPresent() || settings.isEmpty() || snapshot.environment().hasErrors()) {
            return snapshot;
        }
        ProcessRunner runner = engines.runner();
        PostgresClient hostClient = DatabasePlanner.clientFor(snapshot, settings.get(), new ToolChoice.Host("", null, ""), context);
        ToolChoice checked = new ToolCheck(command -> probe(command, runner)).check(snapshot.databaseTools(), hostClient,
                service -> DatabasePlanner.clientFor(snapshot, settings.get(), new ToolChoice.Container(service, "", ""), context));
        return snapshot.withCheckedTools(checked);
    }

    private static ToolCheck.Answer probe(CommandSpec command, ProcessRunner runner) {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        ExecutionResult result = runner.run(command.withTimeout(PROBE_LIMIT), new ProcessObserver() {
            @Override
            public void line(OutputStreamName stream, String line) {
                (stream == OutputStreamName.STDOUT ? out : err).add(line);
            }
        }, Cancellation.none());
        return new ToolCheck.Answer(result, out, err);
    }
}
