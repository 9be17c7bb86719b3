package dev.kompose.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackDiscoveryTest {
    @Test
    void findsSubfoldersWithAComposeFileFirstNameWinning(@TempDir Path root) throws IOException {
        write(root, "b/docker-compose.yml");
        write(root, "b/compose.yml");
        write(root, "a/docker-compose.yaml");
        write(root, "my stack/compose.yaml");
        write(root, "empty/readme.txt");
        write(root, ".hidden/compose.yaml");
        write(root, "compose.yaml");

        List<Stack> stacks = StackDiscovery.discover(root);

        assertEquals(List.of("a", "b", "my stack"), stacks.stream().map(Stack::name).toList());
        assertEquals("docker-compose.yaml", stacks.get(0).composeFile().getFileName().toString());
        assertEquals("compose.yml", stacks.get(1).composeFile().getFileName().toString());
        assertEquals(root.resolve("my stack"), stacks.get(2).directory());
    }

    @Test
    void aMissingRootIsAClearError(@TempDir Path root) {
        IOException error = assertThrows(IOException.class, () -> StackDiscovery.discover(root.resolve("nope")));
        assertEquals("stacks root " + root.resolve("nope") + " is not a folder (set it with -C/--root or KOMPOSE_ROOT)",
                error.getMessage());
    }

    @Test
    void stacksNamedOutrightAreTheOnesDiscoveryFinds(@TempDir Path root) throws IOException {
        write(root, "b/docker-compose.yml");
        write(root, "b/compose.yml");
        write(root, "a/docker-compose.yaml");
        write(root, "my stack/compose.yaml");
        List<Stack> discovered = StackDiscovery.discover(root);

        assertEquals(Optional.of(discovered), StackDiscovery.named(root, List.of("my stack", "a", "b", "a")),
                "the same stacks, in stack order, once each");
        assertEquals(Optional.of(List.of(discovered.get(1))), StackDiscovery.named(root, List.of("b")));
    }

    @Test
    void aNameThatIsNotAStackThereGivesNothingSoTheCallerListsTheRoot(@TempDir Path folder) throws IOException {
        Path root = folder.resolve("stacks");
        write(root, "a/compose.yaml");
        write(root, "empty/readme.txt");
        write(root, ".hidden/compose.yaml");
        write(root, "a/nested/compose.yaml");
        write(folder, "outside/compose.yaml");

        for (String name : List.of("missing", "empty", ".hidden", "a/nested", "../outside", ".", "..", "")) {
            assertEquals(Optional.empty(), StackDiscovery.named(root, List.of("a", name)), name);
        }
        assertEquals(Optional.empty(), StackDiscovery.named(folder.resolve("no-root"), List.of("a")));
    }

    private static void write(Path root, String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "services: {}\n");
    }
}
