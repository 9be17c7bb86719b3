package dev.kompose.cli;

/** A verb that takes no pattern: {@code kompose list}, {@code journal}, {@code shell}, {@code completion}. */
public interface StandaloneVerb {

    /** Runs the verb, parsed; returns the exit status. */
    int execute(Session session);
}
