package dev.kompose.engine;

import java.time.Duration;

/**
 * The end of one stack's run.
 *
 * @param stackName the stack
 * @param outcome how it ended
 * @param message why it failed or was skipped, or what it produced; empty when there is nothing to say
 * @param elapsed wall time of its stages
 */
public record StackReport(String stackName, StackOutcome outcome, String message, Duration elapsed) {
}
