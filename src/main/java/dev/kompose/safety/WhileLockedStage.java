package dev.kompose.safety;

import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * A clean-up stage that runs only when this kompose holds the stack's lock: when the lock was
 * refused, the temporary dump or database it would remove belongs to the kompose that holds it.
 */
record WhileLockedStage(Stage cleanup, Path stackFolder, StackLocks locks) implements Stage {

    @Override
    public StageKind kind() {
        return cleanup.kind();
    }

    @Override
    public String name() {
        return cleanup.name();
    }

    @Override
    public String description() {
        return locks.holds(stackFolder) ? cleanup.description()
                : "not run: another kompose holds this stack's lock, and what it would remove is that kompose's";
    }

    @Override
    public List<String> commandText() {
        return cleanup.commandText();
    }

    @Override
    public boolean destructive() {
        return cleanup.destructive();
    }

    @Override
    public String skipConsequence() {
        return cleanup.skipConsequence();
    }

    @Override
    public OptionalLong expectedBytes() {
        return cleanup.expectedBytes();
    }

    @Override
    public StageResult run(StageContext context) throws InterruptedException {
        if (!locks.holds(stackFolder)) {
            return new StageResult(StageResult.Status.SKIPPED, "not run: the lock was not ours, so neither is what it would remove");
        }
        return cleanup.run(context);
    }
}
