package dev.kompose.cli;

/** Asks the operator a question. The command line reads the console; the shell reads through JLine. */
public interface Prompter {
    /** Shows the question and returns the answer line, or null at end of input. */
    String ask(String question);
}
