package dev.kompose.cli;

/** A verb that works on the stacks a pattern selects ({@code kompose <PATTERN> <VERB> [ARGS]}); made from its parsed model. */
public interface StackVerb {

    /** Runs the verb, parsed, on the stacks pattern selects; returns the exit status. */
    int execute(String pattern, Operations operations);
}
