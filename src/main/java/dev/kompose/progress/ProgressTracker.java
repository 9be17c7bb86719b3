package dev.kompose.progress;

import dev.kompose.engine.RunListener;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.StackReport;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps every stack's progress and the last lines of hook and tool output while a run goes on;
 * the panel and the plain progress lines read {@link #snapshots()} from it. Thread-safe: events
 * arrive from the runner and from output and sampling threads.
 */
public final class ProgressTracker implements RunListener {
    public static final int KEPT_OUTPUT_LINES = 200;

    private final LongSupplier nanoTime;
    private final Map<String, StackProgress> stacks = new LinkedHashMap<>();
    private final Deque<String> output = new ArrayDeque<>();
    private RunReport report;

    public ProgressTracker(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    public ProgressTracker() {
        this(System::nanoTime);
    }

    @Override
    public synchronized void runStarted(Plan plan) {
        stacks.clear();
        output.clear();
        report = null;
        for (StackPlan stack : plan.stacks()) {
            stacks.put(stack.stackName(), new StackProgress(stack.stackName()));
        }
    }

    @Override
    public synchronized void stackStarted(StackPlan stack) {
        progressOf(stack).stackStarted();
    }

    @Override
    public synchronized void stageStarted(StackPlan stack, Stage stage, int number, int total) {
        progressOf(stack).stageStarted(stage.name(), number == 0 ? "clean-up" : number + "/" + total);
    }

    @Override
    public synchronized void stageOutput(StackPlan stack, Stage stage, String line) {
        output.addLast(stack.stackName() + ": " + line);
        while (output.size() > KEPT_OUTPUT_LINES) {
            output.removeFirst();
        }
    }

    @Override
    public synchronized void stageProgress(StackPlan stack, Stage stage, long bytesDone, long bytesExpected) {
        progressOf(stack).progress(stage.name(), bytesDone, bytesExpected, nanoTime.getAsLong());
    }

    @Override
    public synchronized void stageFinished(StackPlan stack, Stage stage, StageResult result) {
        progressOf(stack).stageFinished(stage.name(), result.status() == StageResult.Status.SUCCEEDED);
    }

    @Override
    public synchronized void stackFinished(StackPlan stack, StackReport stackReport) {
        progressOf(stack).stackFinished(statusOf(stackReport), stackReport.message());
    }

    @Override
    public synchronized void runFinished(RunReport runReport) {
        this.report = runReport;
        for (StackReport stackReport : runReport.stacks()) {
            StackProgress progress = stacks.get(stackReport.stackName());
            if (progress != null && progress.snapshot().status() == ProgressSnapshot.Status.WAITING) {
                progress.stackFinished(statusOf(stackReport), stackReport.message());
            }
        }
    }

    /** Every stack's row, in stack order. */
    public synchronized List<ProgressSnapshot> snapshots() {
        List<ProgressSnapshot> rows = new ArrayList<>();
        stacks.values().forEach(stack -> rows.add(stack.snapshot()));
        return rows;
    }

    /** One stack's row, or null when the stack is not part of the run. */
    public synchronized ProgressSnapshot snapshot(String stackName) {
        StackProgress progress = stacks.get(stackName);
        return progress == null ? null : progress.snapshot();
    }

    /** The last count lines of output, oldest first, each prefixed with its stack. */
    public synchronized List<String> lastOutput(int count) {
        List<String> all = new ArrayList<>(output);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    public synchronized boolean finished() {
        return report != null;
    }

    private StackProgress progressOf(StackPlan stack) {
        return stacks.computeIfAbsent(stack.stackName(), StackProgress::new);
    }

    private static ProgressSnapshot.Status statusOf(StackReport report) {
        return switch (report.outcome()) {
            case SUCCEEDED -> ProgressSnapshot.Status.SUCCEEDED;
            case FAILED -> ProgressSnapshot.Status.FAILED;
            case SKIPPED -> ProgressSnapshot.Status.SKIPPED;
            case CANCELLED -> ProgressSnapshot.Status.CANCELLED;
            case NOT_RUN -> ProgressSnapshot.Status.NOT_RUN;
        };
    }
}
