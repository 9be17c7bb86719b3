package dev.kompose.engine;

import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the output of stacks that run at the same time from interleaving: every event of a stack
 * is held until the stack finishes, then handed on whole, so each stack's lines come out as one
 * block. Blocks come out in the order the stacks finish (a failed stack is shown as soon as it
 * ends, not after a slow one before it); the summary at the end keeps the plan's order.
 * Thread-safe.
 */
public final class GroupedRunListener implements RunListener {
    private final RunListener listener;
    private final Map<String, List<Runnable>> held = new HashMap<>();

    public GroupedRunListener(RunListener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized void runStarted(Plan plan) {
        listener.runStarted(plan);
    }

    @Override
    public synchronized void stackStarted(StackPlan stack) {
        hold(stack, () -> listener.stackStarted(stack));
    }

    @Override
    public synchronized void stageStarted(StackPlan stack, Stage stage, int number, int total) {
        hold(stack, () -> listener.stageStarted(stack, stage, number, total));
    }

    @Override
    public synchronized void stageOutput(StackPlan stack, Stage stage, String line) {
        hold(stack, () -> listener.stageOutput(stack, stage, line));
    }

    @Override
    public synchronized void stageProgress(StackPlan stack, Stage stage, long bytesDone, long bytesExpected) {
        // progress is for watching a stack live; a held block would only replay stale numbers
    }

    @Override
    public synchronized void stageFinished(StackPlan stack, Stage stage, StageResult result) {
        hold(stack, () -> listener.stageFinished(stack, stage, result));
    }

    @Override
    public synchronized void stageSkipped(StackPlan stack, Stage stage, int number, int total) {
        hold(stack, () -> listener.stageSkipped(stack, stage, number, total));
    }

    @Override
    public synchronized void stackFinished(StackPlan stack, StackReport report) {
        List<Runnable> events = held.remove(key(stack));
        if (events != null) {
            events.forEach(Runnable::run);
        }
        listener.stackFinished(stack, report);
    }

    @Override
    public synchronized void runFinished(RunReport report) {
        held.values().forEach(events -> events.forEach(Runnable::run)); // stacks that never finished
        held.clear();
        listener.runFinished(report);
    }

    private void hold(StackPlan stack, Runnable event) {
        held.computeIfAbsent(key(stack), name -> new ArrayList<>()).add(event);
    }

    private static String key(StackPlan stack) {
        return stack.folder() + "\u0000" + stack.stackName();
    }
}
