package dev.kompose.exec;

/** Hears what a running child does: that it started, and each line it prints. */
public interface ProcessObserver {
    ProcessObserver IGNORE = new ProcessObserver() { };

    /** Called once the child is running, with its process id (for progress sampling). */
    default void started(long processId) {
    }

    /** Called for each line the child prints, from a reader thread. */
    default void line(OutputStreamName stream, String line) {
    }
}
