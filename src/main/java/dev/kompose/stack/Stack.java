package dev.kompose.stack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A stack: a direct subfolder of the root with a compose file.
 *
 * @param name the folder name
 * @param directory the folder
 * @param composeFile the first of compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml found there
 */
public record Stack(String name, Path directory, Path composeFile) {

    public Path envFile() {
        return directory.resolve(".env");
    }

    public Path hooksFile() {
        return directory.resolve("hooks.sh");
    }

    public Optional<Path> existingHooksFile() {
        Path file = hooksFile();
        return java.nio.file.Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
