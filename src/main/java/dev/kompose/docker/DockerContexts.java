package dev.kompose.docker;

import dev.kompose.json.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The docker contexts of one docker config folder, read from disk as the docker CLI stores them
 * ({@code contexts/meta/<sha256 of the name>/meta.json}, the docker endpoint's {@code Host}) and
 * the current context of {@code config.json}: no {@code docker context} process per stack.
 *
 * @param folder the docker config folder ($DOCKER_CONFIG, default ~/.docker)
 * @param endpoints each context's name and its docker endpoint's address
 * @param currentContext config.json's currentContext, or empty
 */
public record DockerContexts(Path folder, Map<String, String> endpoints, String currentContext) {

    public DockerContexts {
        endpoints = Map.copyOf(endpoints);
    }

    /** The contexts under folder; unreadable or malformed files count as absent. */
    public static DockerContexts read(Path folder) {
        Map<String, String> endpoints = new HashMap<>();
        Path meta = folder.resolve("contexts").resolve("meta");
        if (Files.isDirectory(meta)) {
            try (Stream<Path> entries = Files.list(meta)) {
                for (Path entry : entries.toList()) {
                    readMeta(entry.resolve("meta.json")).ifPresent(context -> endpoints.put(context[0], context[1]));
                }
            } catch (IOException unreadable) {
                // no contexts can be read: a pinned context is then reported as unknown
            }
        }
        String current = "";
        Object config = readJson(folder.resolve("config.json"));
        if (config instanceof Map<?, ?> settings && settings.get("currentContext") instanceof String name) {
            current = name.strip();
        }
        return new DockerContexts(folder, endpoints, current);
    }

    /** The docker config folder: DOCKER_CONFIG, else ~/.docker. */
    public static Path folderFor(String dockerConfig, String home) {
        if (dockerConfig != null && !dockerConfig.isBlank()) {
            return Path.of(dockerConfig.strip());
        }
        String base = home == null || home.isBlank() ? System.getProperty("user.home") : home;
        return Path.of(base, ".docker");
    }

    /** The address a context's docker endpoint names, if the context exists. */
    public Optional<String> endpoint(String name) {
        return Optional.ofNullable(endpoints.get(name));
    }

    /** The names of the contexts, sorted (for error messages). */
    public List<String> names() {
        return endpoints.keySet().stream().sorted().toList();
    }

    private static Optional<String[]> readMeta(Path file) {
        if (!(readJson(file) instanceof Map<?, ?> meta) || !(meta.get("Name") instanceof String name)) {
            return Optional.empty();
        }
        String host = "";
        if (meta.get("Endpoints") instanceof Map<?, ?> points && points.get("docker") instanceof Map<?, ?> docker
                && docker.get("Host") instanceof String address) {
            host = address;
        }
        return Optional.of(new String[] {name, host});
    }

    private static Object readJson(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 1_000_000) {
                return null;
            }
            return JsonText.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException unreadable) {
            return null;
        }
    }
}
