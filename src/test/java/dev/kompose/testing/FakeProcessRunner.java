package dev.kompose.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.exec.Cancellation;
import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.exec.OutputStreamName;
import dev.kompose.exec.ProcessObserver;
import dev.kompose.exec.ProcessRunner;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A process runner for unit tests: an ordered queue of expected commands, each with the output it
 * prints and the exit status it returns. An unexpected command fails the test; {@link #assertAllCalled()}
 * checks nothing expected was left out.
 */
public final class FakeProcessRunner implements ProcessRunner {
    private final Deque<Expectation> expected = new ArrayDeque<>();
    private final List<CommandSpec> received = new ArrayList<>();

    /** Expects a command whose argv contains all the given words (in any position). */
    public FakeProcessRunner expect(String description, Predicate<CommandSpec> matcher, int exitCode, String... outputLines) {
        expected.add(new Expectation(description, matcher, exitCode, List.of(outputLines), null));
        return this;
    }

    /** Expects a command during which the run gets cancelled (as by Ctrl-C). */
    public FakeProcessRunner expectCancelledDuring(String description, Predicate<CommandSpec> matcher) {
        expected.add(new Expectation(description, matcher, -1, List.of(), "cancel"));
        return this;
    }

    public static Predicate<CommandSpec> argumentsContain(String... words) {
        return spec -> spec.arguments().containsAll(List.of(words));
    }

    @Override
    public synchronized ExecutionResult run(CommandSpec command, ProcessObserver observer, Cancellation cancellation) {
        received.add(command);
        Expectation next = expected.poll();
        if (next == null) {
            throw new AssertionError("unexpected command: " + command.describe());
        }
        assertTrue(next.matcher.test(command), "expected " + next.description + " but got: " + command.describe());
        observer.started(4242);
        for (String line : next.outputLines) {
            observer.line(OutputStreamName.STDOUT, line);
        }
        if (next.action != null) {
            cancellation.cancel("interrupted (SIGINT)", 130);
            return new ExecutionResult(130, false, true, null, Duration.ofMillis(5));
        }
        return new ExecutionResult(next.exitCode, false, false, null, Duration.ofMillis(5));
    }

    public List<CommandSpec> received() {
        return received;
    }

    public void assertAllCalled() {
        assertEquals(List.of(), expected.stream().map(expectation -> expectation.description).toList(),
                "expected commands that never ran");
    }

    private record Expectation(String description, Predicate<CommandSpec> matcher, int exitCode, List<String> outputLines,
            String action) {
    }
}
