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

    /**
     * After the child has ended: stops whatever it left running in its process group (a hook's
     * {@code sleep &}), TERM then KILL. Returns true when something was left.
     */
    synchronized boolean endLeftovers() {
        if (!leadsProcessGroup || !signalGroup("-0")) {
            return false;
        }
        signalGroup("-TERM");
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && signalGroup("-0")) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        signalGroup("-KILL");
        return true;
    }

    /** Signals the whole process group the child leads, which also reaches re-parented grandchildren; true when delivered. */
    private boolean signalGroup(String signal) {
        if (!leadsProcessGroup) {
            return false;
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, "--", "-" + root.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(2, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException | InterruptedException cannotSignal) {
            if (cannotSignal instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
