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

    /**
     * A compose file's top-level name: decides the project, for kompose as for docker compose run
     * by hand in the folder (kompose used to pass the folder name as COMPOSE_PROJECT_NAME and so
     * managed a second project next to the user's).
     */
    @Test
    void komposeManagesTheProjectTheComposeFileNames(@TempDir Path root) throws IOException {
        String project = "kompose-e2e-named";
        docker.removeProject(project);
        try {
            Path stack = Files.createDirectories(root.resolve("named"));
            Path composeFile = Files.writeString(stack.resolve("compose.yaml"), """
                    name: %s
                    services:
                      web:
                        image: kompose-e2e/busybox:latest
                        init: true
                        command: ["sleep", "2147483647"]
                    """.formatted(project));
            Files.writeString(stack.resolve("hooks.sh"),
                    "hook_post_down() { echo \"$COMPOSE_PROJECT_NAME\" > project-seen-by-hook; }\n");
            docker.dockerOk("compose", "-f", composeFile.toString(), "up", "-d");
            assertEquals(List.of(project + "-web-1"), docker.runningContainerNames(project), "started by hand");

            KomposeProcess.Result ps = kompose(root).run("-C", root.toString(), "named", "ps");
            assertEquals(0, ps.exitCode(), ps.toString());
            assertTrue(ps.out().contains(project + "-web-1"), "kompose sees the container started by hand: " + ps);

            KomposeProcess.Result down = kompose(root).run("-C", root.toString(), "named", "down");
            assertEquals(0, down.exitCode(), down.toString());
            assertEquals(List.of(), docker.containerNames(project), "kompose took down the named project");
            assertEquals(project, Files.readString(stack.resolve("project-seen-by-hook")).strip());
        } finally {
            docker.removeProject(project);
        }
    }

    private KomposeProcess kompose(Path root) {
        KomposeProcess process = new KomposeProcess().timeout(Duration.ofMinutes(2)).workingDirectory(root);
        docker.environment().forEach(process::environment);
        return process.environment("KOMPOSE_COMPOSE", "");
    }
}
