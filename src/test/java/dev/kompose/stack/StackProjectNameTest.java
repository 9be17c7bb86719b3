package dev.kompose.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose project kompose passes to compose and hooks as COMPOSE_PROJECT_NAME must be the one
 * {@code docker compose} picks by itself in the stack folder: COMPOSE_PROJECT_NAME, else the
 * file's top-level name:, else the folder name. (Found against real Compose v2: kompose used the
 * folder name and so managed a different project than the user's own {@code docker compose up}.)
 */
class StackProjectNameTest {
    @TempDir
    Path root;

    private String projectName(String composeText, String envText, Map<String, String> processEnvironment) throws IOException {
        Path folder = Files.createDirectories(root.resolve("My.Stack"));
        Files.writeString(folder.resolve("compose.yaml"), composeText);
        Files.deleteIfExists(folder.resolve(".env"));
        if (envText != null) {
            Files.writeString(folder.resolve(".env"), envText);
        }
        Stack stack = StackDiscovery.discover(root).get(0);
        return new dev.kompose.read.StackReader(root, processEnvironment, null, Map.of()).read(stack).composeProjectName();
    }

    @Test
    void withoutANameTheFolderNameNormalisedAsComposeDoes() throws IOException {
        assertEquals("mystack", projectName("services:\n  web:\n    image: busybox\n", null, Map.of()));
    }

    @Test
    void theComposeFilesTopLevelNameWinsOverTheFolder() throws IOException {
        assertEquals("custom-name", projectName("name: custom-name\nservices:\n  web:\n    image: busybox\n", null, Map.of()));
        assertEquals("quoted", projectName("name: \"quoted\"  # the project\nservices: {}\n", null, Map.of()));
        assertEquals("plain", projectName("name: plain # the project\nservices: {}\n", null, Map.of()));
    }

    @Test
    void aServicesNameKeyIsNotTheProjectName() throws IOException {
        assertEquals("mystack", projectName("services:\n  web:\n    name: not-the-project\n    image: busybox\n", null, Map.of()));
    }

    @Test
    void theNameIsInterpolatedWithTheStackEnvironment() throws IOException {
        assertEquals("app-blue", projectName("name: app-${COLOUR:-green}\nservices: {}\n", "COLOUR=blue\n", Map.of()));
        assertEquals("app-green", projectName("name: app-${COLOUR:-green}\nservices: {}\n", null, Map.of()));
    }

    @Test
    void composeProjectNameWinsOverTheFile() throws IOException {
        assertEquals("from-env-file", projectName("name: custom-name\nservices: {}\n", "COMPOSE_PROJECT_NAME=from-env-file\n", Map.of()));
        assertEquals("from-process", projectName("name: custom-name\nservices: {}\n", null,
                Map.of("COMPOSE_PROJECT_NAME", "from-process")));
    }
}
