package dev.kompose.exec;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** A flag that an interrupt (Ctrl-C, SIGTERM, a quit at the step prompt) raises once; running children watch it. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private volatile String reason = "cancelled";
    private volatile int exitCode = 130;

    public static Cancellation none() {
        return new Cancellation();
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public String reason() {
        return reason;
    }

    /** The exit status a run cancelled this way ends with: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP. */
    public int exitCode() {
        return exitCode;
    }

    public void cancel(String why) {
        cancel(why, 130);
    }

    /** Raises the flag and runs every registered callback once. Later calls do nothing. */
    public void cancel(String why, int statusOnExit) {
        if (cancelled.compareAndSet(false, true)) {
            reason = why;
            exitCode = statusOnExit;
            for (Runnable callback : callbacks) {
                callback.run();
            }
        }
    }

    /** Registers a callback to run on cancel (at once if already cancelled); returns a handle that removes it. */
    public AutoCloseable onCancel(Runnable callback) {
        callbacks.add(callback);
        if (cancelled.get()) {
            callback.run();
        }
        return () -> callbacks.remove(callback);
    }
}
