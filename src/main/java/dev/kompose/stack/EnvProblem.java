package dev.kompose.stack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem found while reading a {@code .env} file: the file, the 1-based line where the
 * offending statement starts, and a human-readable message.
 *
 * @param file    the file the problem was found in
 * @param line    the 1-based line number
 * @param message what is wrong, quoting the offending text where useful
 */
public record EnvProblem(Path file, int line, String message) {

    /** Validates the components. */
    public EnvProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Describes the problem the way compilers do, e.g. {@code stacks/news/.env:7: expected KEY=VALUE, found "rm -rf /"}.
     *
     * @return {@code file:line: message}
     */
    public String describe() {
        return file + ":" + line + ": " + message;
    }
}
