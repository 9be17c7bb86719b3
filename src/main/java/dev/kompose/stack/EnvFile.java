package dev.kompose.stack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of parsing one {@code .env} file: the variables it defines, in the order they first
 * appear, and the problems found on malformed lines. Lines with problems define no variable.
 *
 * @param source   the file the values were read from
 * @param values   the defined variables, insertion-ordered and unmodifiable
 * @param problems the problems found, in line order; empty when the file is clean
 */
public record EnvFile(Path source, Map<String, String> values, List<EnvProblem> problems) {

    /** Validates the components and makes unmodifiable copies that keep insertion order. */
    public EnvFile {
        Objects.requireNonNull(source, "source");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    /**
     * An env file with no values and no problems, e.g. for a file that does not exist.
     *
     * @param source the file the (absent) values would have come from
     * @return an empty env file
     */
    public static EnvFile empty(Path source) {
        return new EnvFile(source, Map.of(), List.of());
    }

    /**
     * Tells whether any line of the file was malformed.
     *
     * @return {@code true} if {@link #problems()} is not empty
     */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
