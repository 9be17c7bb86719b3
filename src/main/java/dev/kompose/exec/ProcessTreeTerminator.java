package dev.kompose.exec;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a child and every process it started: TERM to the process group (when the child leads
 * one) and to each known descendant, a grace period, then KILL for whatever is left. Safe to call
 * more than once and from several threads.
 */
final class ProcessTreeTerminator {
    private final ProcessHandle root;
    private final boolean leadsProcessGroup;
    private final Duration grace;

    ProcessTreeTerminator(ProcessHandle root, boolean leadsProcessGroup, Duration grace) {
        this.root = root;
        this.leadsProcessGroup = leadsProcessGroup;
        this.grace = grace;
    }

    synchronized void terminate() {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        signalGroup("-TERM");
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : tree) {
            long remaining = deadline - System.nanoTime();
            if (remaining > 0) {
                try {
                    process.onExit().get(remaining, TimeUnit.NANOSECONDS);
                } catch (Exception stillAlive) {
                    // handled below with KILL
                }
            }
        }
        signalGroup("-KILL");
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Signals the whole process group the child leads, which also reaches re-parented grandchildren. */
    private void signalGroup(String signal) {
        if (!leadsProcessGroup) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, "--", "-" + root.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException cannotSignal) {
            if (cannotSignal instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
