package dev.kompose.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which compose kompose picks when KOMPOSE_COMPOSE is empty, against the real programs: the v2
 * plugin when {@code docker compose version} works, docker-compose when the plugin is missing
 * (a DOCKER_CONFIG without cli-plugins). Both then manage the same project.
 */
@Tag("e2e")
class ComposeDetectionEndToEndTest {
    private static final String PROJECT = "kompose-e2e-detect";
    private final DockerEngine docker = DockerEngine.get();

    @AfterEach
    void removeProject() {
        docker.removeProject(PROJECT);
    }

    @Test
    void withoutThePluginKomposeFallsBackToDockerComposeAndWithItUsesThePlugin(@TempDir Path root,
            @TempDir Path configWithoutPlugins) throws IOException {
        docker.removeProject(PROJECT);
        Path stack = Files.createDirectories(root.resolve("plain"));
        Files.writeString(stack.resolve("compose.yaml"), """
                services:
                  web:
                    image: kompose-e2e/busybox:latest
                    init: true
                    command: ["sleep", "2147483647"]
                """);
        Files.writeString(stack.resolve(".env"), "COMPOSE_PROJECT_NAME=" + PROJECT + "\n");
        assertTrue(docker.hasComposePlugin(), "the v2 plugin is installed in " + docker.configFolder()
                + " (e2e/install.sh puts it there)");

        KomposeProcess.Result up = kompose(root).environment("DOCKER_CONFIG", configWithoutPlugins.toString())
                .run("-C", root.toString(), "plain", "up", "-d");
        assertEquals(0, up.exitCode(), up.toString());
        assertTrue(up.out().contains("run docker-compose up in plain"), up.toString());
        assertEquals(List.of(PROJECT + "_web_1"), docker.runningContainerNames(PROJECT), "v1 names its containers with _");

        KomposeProcess.Result ps = kompose(root).run("-C", root.toString(), "plain", "ps");
        assertEquals(0, ps.exitCode(), ps.toString());
        assertTrue(ps.out().contains("run docker compose ps in plain"), ps.toString());
        assertTrue(ps.out().contains(PROJECT + "_web_1"), "v2 sees the container v1 made: " + ps);

        KomposeProcess.Result down = kompose(root).run("-C", root.toString(), "plain", "down");
        assertEquals(0, down.exitCode(), down.toString());
        assertEquals(List.of(), docker.containerNames(PROJECT));
    }

    private KomposeProcess kompose(Path root) {
        KomposeProcess process = new KomposeProcess().timeout(Duration.ofMinutes(2)).workingDirectory(root);
        docker.environment().forEach(process::environment);
        return process.environment("KOMPOSE_COMPOSE", "");
    }
}
