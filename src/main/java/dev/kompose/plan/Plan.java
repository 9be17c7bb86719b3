package dev.kompose.plan;

import java.util.List;

/**
 * An operation over the selected stacks, planned before anything runs.
 *
 * @param operation what the operator asked for
 * @param stacks one plan per selected stack, in stack order
 */
public record Plan(Operation operation, List<StackPlan> stacks) {
    public Plan {
        stacks = List.copyOf(stacks);
    }

    /** The command as the operator typed it after the pattern ("db:export", "up -d"). */
    public String command() {
        return operation.text();
    }
}
