package dev.kompose.testing;

import dev.kompose.plan.Operation;
import java.nio.file.Path;

/** An operation for tests that build plans by hand: only its verb and text matter. */
public record TestOperation(String verb, boolean streamsProgress) implements Operation {
    /** A stack folder for hand-built stack plans (nothing is read from it). */
    public static final Path FOLDER = Path.of("/stacks/test-stack");

    public static TestOperation named(String verb) {
        return new TestOperation(verb, verb.startsWith("db:export") || verb.startsWith("db:import"));
    }

    @Override
    public String text() {
        return verb;
    }
}
