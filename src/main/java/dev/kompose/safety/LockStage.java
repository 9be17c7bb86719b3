package dev.kompose.safety;

import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Takes the stack's lock before anything else runs; fails fast (or waits with --wait) when another kompose holds it. */
public record LockStage(Path stackFolder, String command, boolean waitWhileHeld, Clock clock, StackLocks locks) implements Stage {

    @Override
    public StageKind kind() {
        return StageKind.CHECK;
    }

    @Override
    public boolean safeguard() {
        return true;
    }

    @Override
    public String name() {
        return "lock";
    }

    @Override
    public String description() {
        return "take this stack's lock " + StackLock.FILE_NAME + " so no other kompose exports, imports or cleans up"
                + " here meanwhile" + (waitWhileHeld ? " (waiting while it is held)" : " (fail at once when it is held)")
                + "; then remove unfinished dumps a killed export left";
    }

    @Override
    public List<String> commandText() {
        return List.of("lock " + StackLock.fileIn(stackFolder));
    }

    @Override
    public String skipConsequence() {
        return "another kompose could change this stack at the same time";
    }

    @Override
    public StageResult run(StageContext context) throws InterruptedException {
        StackLock.Attempt attempt;
        try {
            attempt = StackLock.acquire(stackFolder, LockOwner.current(command, clock.instant()), waitWhileHeld,
                    context.cancellation(), context::report);
        } catch (IOException cannotLock) {
            return StageResult.failed("cannot take the lock " + StackLock.fileIn(stackFolder) + ": "
                    + cannotLock.getClass().getSimpleName() + (cannotLock.getMessage() == null ? "" : " " + cannotLock.getMessage()));
        }
        if (attempt instanceof StackLock.Busy busy) {
            if (context.cancellation().isCancelled()) {
                return StageResult.cancelled("cancelled while waiting for the lock held by " + busy.describeOwner());
            }
            return StageResult.failed("another kompose is working on this stack: " + busy.describeOwner()
                    + "; nothing was done here (try again later, or add --wait after the command to wait)");
        }
        StackLock.Acquired acquired = (StackLock.Acquired) attempt;
        locks.held(stackFolder, acquired.lock());
        removeStalePartialDumps(context);
        return acquired.staleOwner()
                .map(owner -> StageResult.succeeded("took over a stale lock left by " + owner.describe()
                        + (owner.isDeadHere() ? ", which is no longer running" : "")))
                .orElseGet(StageResult::succeeded);
    }

    /**
     * With the lock held no other kompose exports here, so an unfinished dump (*.kompose-partial) was left
     * by a killed one: it is never taken for a dump, only wastes space, and goes.
     */
    private void removeStalePartialDumps(StageContext context) {
        try (java.nio.file.DirectoryStream<Path> partials = java.nio.file.Files.newDirectoryStream(stackFolder,
                "*" + dev.kompose.db.DumpFiles.PARTIAL_SUFFIX)) {
            for (Path partial : partials) {
                if (java.nio.file.Files.isRegularFile(partial, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    java.nio.file.Files.delete(partial);
                    context.report("removed " + partial.getFileName() + ", an unfinished dump left by a killed export");
                }
            }
        } catch (IOException cannotTidy) {
            context.report("could not remove unfinished dumps in " + stackFolder + ": " + cannotTidy.getClass().getSimpleName());
        }
    }
}
