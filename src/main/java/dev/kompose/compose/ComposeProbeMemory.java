package dev.kompose.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers what {@code docker compose version} answered, so that a command does not start docker
 * (tens of milliseconds, more than the rest of a dry run on ten stacks) while nothing it depends on
 * changed. The answer depends on the docker executable found on the PATH and on the compose
 * plugins docker would find (its per-user and system plugin folders, and config.json, which can add
 * folders); the memory holds a fingerprint of those (path, size, modification time, or absence)
 * and the answer, and is used only when the fingerprint is the same now and the answer is less
 * than {@link #LONGEST} old. Kept in {@code $XDG_CACHE_HOME/kompose/compose-probe} (by default
 * {@code ~/.cache/kompose}); a memory that cannot be read or written is simply not used.
 */
public final class ComposeProbeMemory {
    /** An answer older than this is asked again even if nothing seen changed (a wrapper script's target may have). */
    static final Duration LONGEST = Duration.ofHours(24);
    /** Where docker looks for CLI plugins besides $DOCKER_CONFIG/cli-plugins (docker/cli's defaultSystemPluginDirs). */
    static final List<String> SYSTEM_PLUGIN_FOLDERS = List.of("/usr/local/lib/docker/cli-plugins",
            "/usr/local/libexec/docker/cli-plugins", "/usr/lib/docker/cli-plugins", "/usr/libexec/docker/cli-plugins");
    private static final String FORMAT = "kompose compose-probe 2";

    private final Path file;
    private final String fingerprint;

    ComposeProbeMemory(Path file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /** The memory for this environment (PATH, HOME, DOCKER_CONFIG, XDG_CACHE_HOME), or empty when it has no home. */
    public static Optional<ComposeProbeMemory> of(Map<String, String> environment) {
        Optional<Path> cacheFolder = CacheFolder.of(environment);
        if (cacheFolder.isEmpty()) {
            return Optional.empty();
        }
        String home = environment.get("HOME");
        String dockerConfig = environment.get("DOCKER_CONFIG");
        Path configFolder = dockerConfig != null && !dockerConfig.isBlank() ? Path.of(dockerConfig)
                : home != null ? Path.of(home, ".docker") : null;
        return Optional.of(new ComposeProbeMemory(cacheFolder.get().resolve("compose-probe"),
                fingerprint(environment.getOrDefault("PATH", ""), configFolder)));
    }

    /** What docker compose version answered last time, if the fingerprint is unchanged and the answer recent. */
    public Optional<Boolean> pluginWorks(Instant now) {
        List<String> lines;
        try {
            lines = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n"));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        if (lines.size() != 4 || !lines.get(0).equals(FORMAT) || !lines.get(1).equals(fingerprint)) {
            return Optional.empty();
        }
        try {
            long asked = Long.parseLong(lines.get(2)); // epoch milliseconds: parsing an ISO time costs a cold JVM milliseconds
            long age = now.toEpochMilli() - asked;
            if (age < 0 || age > LONGEST.toMillis()) {
                return Optional.empty();
            }
        } catch (NumberFormatException notATime) {
            return Optional.empty();
        }
        return switch (lines.get(3)) {
            case "plugin" -> Optional.of(true);
            case "no plugin" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** Remembers an answer (written to a temporary file, then moved into place); a failure is ignored. */
    public void remember(boolean pluginWorks, Instant now) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "compose-probe", ".tmp");
            try {
                Files.writeString(temporary, String.join("\n", FORMAT, fingerprint, Long.toString(now.toEpochMilli()),
                        pluginWorks ? "plugin" : "no plugin") + "\n", StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException notWritable) {
            // only a lost shortcut: the next command asks docker again
        }
    }

    /** One line naming everything the probe's answer depends on, each file with its size and modification time. */
    static String fingerprint(String path, Path dockerConfig) {
        List<String> parts = new ArrayList<>();
        parts.add("PATH=" + path);
        parts.add("docker=" + describe(onPath(path, "docker")));
        if (dockerConfig != null) {
            parts.add(describe(dockerConfig.resolve("config.json")));
            parts.add(describe(dockerConfig.resolve("cli-plugins").resolve("docker-compose")));
        }
        for (String folder : SYSTEM_PLUGIN_FOLDERS) {
            parts.add(describe(Path.of(folder, "docker-compose")));
        }
        return String.join(" ", parts).replace('\n', ' ');
    }

    /** The first executable named name in the PATH's folders, or null. */
    private static Path onPath(String path, String name) {
        for (String folder : path.split(":")) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** "path:size:mtime" of the file a path leads to (through links), or "path:absent". */
    private static String describe(Path file) {
        if (file == null) {
            return "absent";
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Path real = Files.isSymbolicLink(file) ? file.toRealPath() : file;
            return real + ":" + attributes.size() + ":" + attributes.lastModifiedTime().toInstant();
        } catch (IOException | RuntimeException absent) {
            return file + ":absent";
        }
    }
}
