package dev.kompose.cli;

/** Starts the interactive shell for a session; provided by whoever wires kompose together (the shell lives above this package). */
@FunctionalInterface
public interface ShellLauncher {
    ShellLauncher NONE = session -> {
        session.err().println("kompose: the interactive shell is not available here");
        return 1;
    };

    /** Runs the shell until it is left; returns its exit status. */
    int run(Session session);
}
