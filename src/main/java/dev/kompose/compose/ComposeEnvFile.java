package dev.kompose.compose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a service's {@code env_file:} (a string, or the long syntax {@code {path, required}}).
 *
 * @param path the path as written, interpolated; relative paths are relative to the compose file's folder
 * @param required false for {@code required: false}: compose then skips a missing file
 * @param found the file was there and was read
 * @param values the variables the file defines (empty when it was not found)
 */
public record ComposeEnvFile(String path, boolean required, boolean found, Map<String, String> values) {

    public ComposeEnvFile {
        Objects.requireNonNull(path, "path");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** An entry whose file was not read (missing, or facts built without files). */
    public static ComposeEnvFile notRead(String path, boolean required) {
        return new ComposeEnvFile(path, required, false, Map.of());
    }
}
