package dev.kompose.compose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One service of a compose file, with its values interpolated with the stack's environment.
 *
 * @param name the service name (its key under {@code services:})
 * @param imageAsWritten {@code image:} as written in the file (may hold ${} references), or "" when it has none
 * @param image {@code image:} interpolated, or "" when it has none (a service that only builds)
 * @param containerName {@code container_name:} interpolated, or "" when it has none
 * @param ports {@code ports:} in file order
 * @param environment {@code environment:} (map or list form) interpolated; an entry written without
 *     a value ({@code - KEY}, {@code KEY:}) takes the stack's value and is left out when the stack has none
 * @param envFiles {@code env_file:} entries in file order
 */
public record ComposeService(String name, String imageAsWritten, String image, String containerName,
        List<ComposePort> ports, Map<String, String> environment, List<ComposeEnvFile> envFiles) {

    public ComposeService {
        Objects.requireNonNull(name, "name");
        imageAsWritten = Objects.requireNonNullElse(imageAsWritten, "");
        image = Objects.requireNonNullElse(image, "");
        containerName = Objects.requireNonNullElse(containerName, "");
        ports = List.copyOf(ports);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        envFiles = List.copyOf(envFiles);
    }

    /** A service with only a name and an image (already interpolated), for tests and planners. */
    public static ComposeService of(String name, String image) {
        return new ComposeService(name, image, image, "", List.of(), Map.of(), List.of());
    }

    /** Its image is a PostgreSQL server image (see {@link PostgresImages}). */
    public boolean hasPostgresImage() {
        return PostgresImages.isPostgresServer(image);
    }

    /**
     * The variables the container gets from the compose file, as compose sets them: the env_file
     * values in file order, then {@code environment:} over them.
     */
    public Map<String, String> containerEnvironment() {
        Map<String, String> variables = new LinkedHashMap<>();
        envFiles.forEach(file -> variables.putAll(file.values()));
        variables.putAll(environment);
        return Collections.unmodifiableMap(variables);
    }
}
