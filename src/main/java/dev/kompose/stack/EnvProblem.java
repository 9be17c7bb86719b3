package dev.kompose.stack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem found while reading a {@code .env} file: the file, the 1-based line where the
 * offending statement starts, a human-readable message, and how serious it is.
 *
 * @param file     the file the problem was found in
 * @param line     the 1-based line number
 * @param message  what is wrong, quoting the offending text where useful
 * @param severity {@link Severity#ERROR} for what Docker Compose rejects (the stack cannot run),
 *                 {@link Severity#WARNING} for what Compose accepts but is probably a mistake
 */
public record EnvProblem(Path file, int line, String message, Severity severity) {

    /** How serious a problem is. */
    public enum Severity {
        /** Docker Compose refuses the file: the stack fails before anything runs. */
        ERROR,
        /** Docker Compose reads the file, but the line probably does not mean what was intended. */
        WARNING
    }

    /** Validates the components. */
    public EnvProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * An error: something Docker Compose rejects.
     *
     * @param file    the file
     * @param line    the 1-based line number
     * @param message what is wrong
     */
    public EnvProblem(Path file, int line, String message) {
        this(file, line, message, Severity.ERROR);
    }

    /**
     * Tells whether this problem stops the stack.
     *
     * @return {@code true} for an error, {@code false} for a warning
     */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * Describes the problem the way compilers do, e.g. {@code stacks/news/.env:7: unexpected character "/" in variable name}.
     *
     * @return {@code file:line: message}
     */
    public String describe() {
        return file + ":" + line + ": " + message;
    }
}
