package dev.kompose.render;

import dev.kompose.engine.RunListener;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.StackReport;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;
import dev.kompose.progress.ProgressSnapshot;
import dev.kompose.progress.ProgressText;
import dev.kompose.progress.ProgressTracker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines, for output that is not a terminal (pipes, cron, CI, SSH without a
 * tty): one line per streaming stage when it starts reporting, then at most one every
 * {@link #DEFAULT_INTERVAL} per stack, and one when it ends, e.g.
 * {@code [PROGRESS] news: pg_dump 42% 210 MB / 500 MB, 85.0 MB/s, ETA 0:04}. No escape codes.
 */
public final class ProgressLinePrinter implements RunListener {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private final PrintWriter out;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final ProgressTracker tracker;
    private final Map<String, Long> lastLineNanos = new HashMap<>();

    public ProgressLinePrinter(PrintWriter out, LongSupplier nanoTime, Duration interval) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
        this.tracker = new ProgressTracker(nanoTime);
    }

    public ProgressLinePrinter(PrintWriter out) {
        this(out, System::nanoTime, DEFAULT_INTERVAL);
    }

    @Override
    public synchronized void runStarted(Plan plan) {
        tracker.runStarted(plan);
        lastLineNanos.clear();
    }

    @Override
    public synchronized void stackStarted(StackPlan stack) {
        tracker.stackStarted(stack);
    }

    @Override
    public synchronized void stageStarted(StackPlan stack, Stage stage, int number, int total) {
        tracker.stageStarted(stack, stage, number, total);
    }

    @Override
    public synchronized void stageProgress(StackPlan stack, Stage stage, long bytesDone, long bytesExpected) {
        tracker.stageProgress(stack, stage, bytesDone, bytesExpected);
        Long last = lastLineNanos.get(stack.stackName());
        if (last == null || nanoTime.getAsLong() - last >= intervalNanos) {
            print(stack.stackName(), "");
        }
    }

    @Override
    public synchronized void stageFinished(StackPlan stack, Stage stage, StageResult result) {
        ProgressSnapshot before = tracker.snapshot(stack.stackName());
        tracker.stageFinished(stack, stage, result);
        boolean wasStreaming = before != null && stage.name().equals(before.transferStage())
                && lastLineNanos.containsKey(stack.stackName());
        if (wasStreaming) {
            print(stack.stackName(), result.status() == StageResult.Status.SUCCEEDED ? " done"
                    : " " + result.status().name().toLowerCase(java.util.Locale.ROOT));
            lastLineNanos.remove(stack.stackName());
        }
    }

    @Override
    public synchronized void stackFinished(StackPlan stack, StackReport report) {
        tracker.stackFinished(stack, report);
    }

    @Override
    public synchronized void runFinished(RunReport report) {
        tracker.runFinished(report);
    }

    private void print(String stackName, String suffix) {
        ProgressSnapshot row = tracker.snapshot(stackName);
        out.println(line(row) + suffix);
        out.flush();
        lastLineNanos.put(stackName, nanoTime.getAsLong());
    }

    /** {@code [PROGRESS] news: pg_dump 42% 210 MB / 500 MB, 85.0 MB/s, ETA 0:04}. */
    public static String line(ProgressSnapshot row) {
        StringBuilder text = new StringBuilder("[PROGRESS] ").append(row.stackName()).append(": ")
                .append(row.transferStage()).append(' ').append(ProgressText.percent(row.percent())).append(' ')
                .append(ProgressText.bytesOf(row.bytesDone(), row.bytesExpected()));
        if (row.bytesPerSecond() >= 0) {
            text.append(", ").append(ProgressText.rate(row.bytesPerSecond()));
        }
        if (row.eta().isPresent()) {
            text.append(", ETA ").append(ProgressText.eta(row.eta()));
        }
        return text.toString();
    }
}
