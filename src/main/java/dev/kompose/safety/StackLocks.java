package dev.kompose.safety;

import dev.kompose.engine.RunListener;
import dev.kompose.engine.StackReport;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One operation per stack at a time: puts a {@link LockStage} in front of each stack's stages and
 * releases the lock when the stack has finished (its clean-up included). Used for db:export,
 * db:import and db:cleanup; {@link #close()} releases whatever is still held.
 */
public final class StackLocks implements RunListener, AutoCloseable {
    private final Map<String, StackLock> held = new ConcurrentHashMap<>();
    private final boolean wait;
    private final Clock clock;

    public StackLocks(boolean wait, Clock clock) {
        this.wait = wait;
        this.clock = clock;
    }

    /** The plan with a lock stage first in every stack that will run, and its clean-up run only while the lock is held. */
    public Plan guard(Plan plan) {
        List<StackPlan> guarded = new ArrayList<>();
        for (StackPlan stack : plan.stacks()) {
            if (stack.isSkipped()) {
                guarded.add(stack);
                continue;
            }
            Path folder = stack.folder();
            List<Stage> stages = new ArrayList<>();
            stages.add(new LockStage(folder, plan.command(), wait, clock, this));
            stages.addAll(stack.stages());
            List<Stage> cleanup = stack.cleanupStages().stream()
                    .<Stage>map(stage -> new WhileLockedStage(stage, folder, this)).toList();
            guarded.add(stack.withStages(stages, cleanup));
        }
        return new Plan(plan.operation(), guarded);
    }

    void held(Path folder, StackLock lock) {
        StackLock previous = held.put(folder.toString(), lock);
        if (previous != null) {
            previous.close();
        }
    }

    boolean holds(Path folder) {
        return held.containsKey(folder.toString());
    }

    @Override
    public void stackFinished(StackPlan stack, StackReport report) {
        StackLock lock = held.remove(stack.folder().toString());
        if (lock != null) {
            lock.close();
        }
    }

    @Override
    public void close() {
        held.values().forEach(StackLock::close);
        held.clear();
    }
}
