package dev.kompose.cli;

import dev.kompose.exec.Cancellation;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Turns SIGINT (Ctrl-C), SIGTERM and SIGHUP (a dropped SSH session) into a clean cancel of the
 * running operation: children are stopped, temporary files and databases removed, and kompose
 * exits 130 / 143 / 129. A second signal while cleaning up does not cut the clean-up short.
 * Between operations, a signal ends kompose at once: nothing is in flight.
 */
public final class Interrupts {
    private static volatile Cancellation current;
    private static final AtomicInteger SIGNALS_DURING_OPERATION = new AtomicInteger();
    private static PrintStream messages = System.err;

    private Interrupts() {
    }

    public static void install(PrintStream errorStream) {
        messages = errorStream;
        handle("INT", 130);
        handle("TERM", 143);
        handle("HUP", 129);
    }

    private static void handle(String name, int exitCode) {
        try {
            Signal.handle(new Signal(name), signal -> onSignal(name, exitCode));
        } catch (IllegalArgumentException unavailable) {
            // the JVM reserves this signal here; the default behaviour stays
        }
    }

    private static void onSignal(String name, int exitCode) {
        Cancellation running = current;
        if (running == null) {
            System.exit(exitCode);
            return;
        }
        if (SIGNALS_DURING_OPERATION.incrementAndGet() == 1) {
            messages.println("\n[INFO] SIG" + name + " received: stopping, then cleaning up (temporary dumps and"
                    + " databases); live databases and finished dumps stay as they are");
            running.cancel("interrupted (SIG" + name + ")", exitCode);
        } else {
            messages.println("[INFO] still cleaning up; kompose stops as soon as that is done");
        }
    }

    /** Makes Ctrl-C cancel this operation until {@link #end()}. */
    public static Cancellation begin() {
        Cancellation cancellation = new Cancellation();
        SIGNALS_DURING_OPERATION.set(0);
        current = cancellation;
        return cancellation;
    }

    public static void end() {
        current = null;
    }

    /**
     * Ctrl-C inside the interactive shell (whose terminal library owns SIGINT): cancels the running
     * operation as SIGINT would; between operations it does nothing, the shell stays.
     */
    public static void interruptOperation() {
        if (current != null) {
            onSignal("INT", 130);
        }
    }
}
