package dev.kompose.plan;

import java.util.List;

/**
 * An operation over the selected stacks, planned before anything runs.
 *
 * @param command the operation as the operator asked for it ("db:export", "up -d")
 * @param stacks one plan per selected stack, in stack order
 */
public record Plan(String command, List<StackPlan> stacks) {
    public Plan {
        stacks = List.copyOf(stacks);
    }
}
