package dev.kompose.cli;

/** A verb that works on the stacks a pattern selects ({@code kompose <PATTERN> <VERB> [ARGS]}); its options are its picocli fields. */
public interface StackVerb {

    /** Runs the verb, parsed, on the stacks pattern selects; returns the exit status. */
    int execute(String pattern, Operations operations);
}
