package dev.kompose.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeProbeMemoryTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    @TempDir
    Path home;
    private Path bin;
    private Map<String, String> environment;

    @BeforeEach
    void dockerOnThePath() throws Exception {
        bin = Files.createDirectories(home.resolve("bin"));
        executable(bin.resolve("docker"), "#!/bin/sh\nexit 0\n");
        environment = Map.of("HOME", home.toString(), "PATH", bin + ":/nonexistent");
    }

    @Test
    void anAnswerIsRememberedForTheSameDockerAndPlugins() {
        memory().remember(true, NOW);
        assertEquals(Optional.of(true), memory().pluginWorks(NOW.plusSeconds(60)));
        memory().remember(false, NOW);
        assertEquals(Optional.of(false), memory().pluginWorks(NOW.plusSeconds(60)));
        assertTrue(Files.isRegularFile(home.resolve(".cache/kompose/compose-probe")));
    }

    @Test
    void aChangedDockerOrPluginOrConfigForgetsIt() throws Exception {
        memory().remember(false, NOW);
        Path plugin = Files.createDirectories(home.resolve(".docker/cli-plugins")).resolve("docker-compose");
        executable(plugin, "#!/bin/sh\n");
        assertEquals(Optional.empty(), memory().pluginWorks(NOW), "a compose plugin was installed");

        memory().remember(true, NOW);
        Files.setLastModifiedTime(plugin, FileTime.from(NOW.minusSeconds(3600)));
        assertEquals(Optional.empty(), memory().pluginWorks(NOW), "the plugin was replaced");

        memory().remember(true, NOW);
        Files.writeString(bin.resolve("docker"), "#!/bin/sh\nexit 1\n# another docker\n");
        assertEquals(Optional.empty(), memory().pluginWorks(NOW), "docker itself changed");

        memory().remember(true, NOW);
        Files.writeString(home.resolve(".docker/config.json"), "{\"cliPluginsExtraDirs\": [\"/opt/plugins\"]}");
        assertEquals(Optional.empty(), memory().pluginWorks(NOW), "config.json can add plugin folders");
    }

    @Test
    void anotherPathOrDockerConfigIsAnotherFingerprint() throws Exception {
        memory().remember(true, NOW);
        Path otherBin = Files.createDirectories(home.resolve("other"));
        executable(otherBin.resolve("docker"), "#!/bin/sh\nexit 0\n");
        Map<String, String> otherPath = Map.of("HOME", home.toString(), "PATH", otherBin + ":" + bin);
        assertEquals(Optional.empty(), ComposeProbeMemory.of(otherPath).orElseThrow().pluginWorks(NOW));
        Map<String, String> otherConfig = Map.of("HOME", home.toString(), "PATH", bin.toString(),
                "DOCKER_CONFIG", home.resolve("elsewhere").toString());
        assertEquals(Optional.empty(), ComposeProbeMemory.of(otherConfig).orElseThrow().pluginWorks(NOW));
    }

    @Test
    void anOldAnswerOrOneFromTheFutureIsAskedAgain() {
        memory().remember(true, NOW);
        assertEquals(Optional.of(true), memory().pluginWorks(NOW.plus(Duration.ofHours(23))));
        assertEquals(Optional.empty(), memory().pluginWorks(NOW.plus(Duration.ofHours(25))));
        assertEquals(Optional.empty(), memory().pluginWorks(NOW.minusSeconds(5)));
    }

    @Test
    void aDamagedOrUnwritableMemoryIsNotUsed() throws Exception {
        Path file = home.resolve(".cache/kompose/compose-probe");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "garbage\n");
        assertEquals(Optional.empty(), memory().pluginWorks(NOW));
        Files.writeString(file, "");
        assertEquals(Optional.empty(), memory().pluginWorks(NOW));

        Map<String, String> readOnlyCache = Map.of("HOME", home.toString(), "PATH", bin.toString(),
                "XDG_CACHE_HOME", "/proc/kompose-cannot-write-here");
        ComposeProbeMemory unwritable = ComposeProbeMemory.of(readOnlyCache).orElseThrow();
        unwritable.remember(true, NOW); // no exception: only a lost shortcut
        assertEquals(Optional.empty(), unwritable.pluginWorks(NOW));
    }

    @Test
    void xdgCacheHomeIsHonouredAndNoHomeMeansNoMemory() {
        Path cache = home.resolve("xdg");
        Map<String, String> xdg = Map.of("HOME", home.toString(), "PATH", bin.toString(), "XDG_CACHE_HOME", cache.toString());
        ComposeProbeMemory.of(xdg).orElseThrow().remember(true, NOW);
        assertTrue(Files.isRegularFile(cache.resolve("kompose/compose-probe")));
        assertEquals(Optional.empty(), ComposeProbeMemory.of(Map.of("PATH", bin.toString())));
    }

    private ComposeProbeMemory memory() {
        return ComposeProbeMemory.of(environment).orElseThrow();
    }

    private static void executable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
