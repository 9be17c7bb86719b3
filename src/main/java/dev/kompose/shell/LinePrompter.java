package dev.kompose.shell;

import dev.kompose.cli.Prompter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Asks on a stream that is not a terminal (a script piped into {@code kompose shell}, answers to
 * {@code --step} fed on standard input): prints the question and reads the next line.
 */
public final class LinePrompter implements Prompter {
    private final PrintWriter out;
    private final BufferedReader in;

    public LinePrompter(PrintWriter out, BufferedReader in) {
        this.out = out;
        this.in = in;
    }

    @Override
    public String ask(String question) {
        out.print(question);
        out.flush();
        try {
            String answer = in.readLine();
            out.println();
            out.flush();
            return answer;
        } catch (IOException unreadable) {
            return null;
        }
    }
}
