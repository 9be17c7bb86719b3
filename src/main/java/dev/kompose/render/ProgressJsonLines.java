package dev.kompose.render;

import dev.kompose.engine.RunListener;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.SecretMasker;
import dev.kompose.engine.StackReport;
import dev.kompose.json.JsonText;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --progress json}: the run's events as JSON Lines ({@code kompose.progress/1}, one object
 * per line, described in docs/json.md) on standard error: run, stack and stage starts and ends,
 * and bytes streamed, at most one progress line per stage every {@link #PROGRESS_INTERVAL_NANOS}.
 */
public final class ProgressJsonLines implements RunListener {
    static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;
    private final PrintWriter err;
    private final Clock clock;
    private final Map<String, Long> lastProgress = new HashMap<>();

    public ProgressJsonLines(PrintWriter err, Clock clock) {
        this.err = err;
        this.clock = clock;
    }

    private Map<String, Object> event(String name, StackPlan stack) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("schema", "kompose.progress/1");
        event.put("event", name);
        event.put("time", clock.instant().toString());
        event.put("stack", stack == null ? null : stack.stackName());
        return event;
    }

    private static Map<String, Object> withStage(Map<String, Object> event, StackPlan stack, Stage stage, int number, int total) {
        event.put("stage", stage.name());
        event.put("kind", stage.kind().label());
        if (number >= 0) {
            event.put("number", number);
            event.put("total", total);
        }
        event.put("description", new SecretMasker(stack.secretValues()).mask(stage.description()));
        return event;
    }

    private void write(Map<String, Object> event) {
        err.println(JsonText.line(event));
        err.flush();
    }

    @Override
    public synchronized void runStarted(Plan plan) {
        Map<String, Object> event = event("run-started", null);
        event.put("command", new SecretMasker(plan.stacks().stream().flatMap(stack -> stack.secretValues().stream()).toList())
                .mask(plan.command()));
        event.put("stacks", plan.stacks().stream().map(StackPlan::stackName).toList());
        write(event);
    }

    @Override
    public synchronized void stackStarted(StackPlan stack) {
        write(event("stack-started", stack));
    }

    @Override
    public synchronized void stageStarted(StackPlan stack, Stage stage, int number, int total) {
        write(withStage(event("stage-started", stack), stack, stage, number, total));
    }

    @Override
    public synchronized void stageProgress(StackPlan stack, Stage stage, long bytesDone, long bytesExpected) {
        long now = System.nanoTime();
        String key = stack.stackName() + "\u0000" + stage.name();
        Long last = lastProgress.get(key);
        if (last != null && now - last < PROGRESS_INTERVAL_NANOS) {
            return;
        }
        lastProgress.put(key, now);
        Map<String, Object> event = event("stage-progress", stack);
        event.put("stage", stage.name());
        event.put("bytesDone", bytesDone);
        event.put("bytesExpected", bytesExpected < 0 ? null : bytesExpected);
        write(event);
    }

    @Override
    public synchronized void stageSkipped(StackPlan stack, Stage stage, int number, int total) {
        write(withStage(event("stage-skipped", stack), stack, stage, number, total));
    }

    @Override
    public synchronized void stageFinished(StackPlan stack, Stage stage, StageResult result) {
        Map<String, Object> event = withStage(event("stage-finished", stack), stack, stage, -1, 0);
        event.put("outcome", result.status().name().toLowerCase(Locale.ROOT));
        event.put("message", new SecretMasker(stack.secretValues()).mask(result.message()));
        write(event);
    }

    @Override
    public synchronized void stackFinished(StackPlan stack, StackReport report) {
        Map<String, Object> event = event("stack-finished", stack);
        event.put("outcome", report.outcome().name().toLowerCase(Locale.ROOT));
        event.put("seconds", RunDocument.seconds(report.elapsed()));
        event.put("message", new SecretMasker(stack.secretValues()).mask(report.message()));
        write(event);
    }

    @Override
    public synchronized void runFinished(RunReport report) {
        Map<String, Object> event = event("run-finished", null);
        event.put("exit", report.exitCode());
        event.put("cancelled", report.cancelled() ? report.cancelledBy() : null);
        event.put("succeeded", report.succeeded());
        event.put("failed", report.failed());
        write(event);
    }
}
