package dev.kompose.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds the stacks under a root: each direct subfolder holding a compose file, sorted by name. */
public final class StackDiscovery {
    /** The compose file names, in the order the first found wins. */
    public static final List<String> COMPOSE_FILE_NAMES =
            List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

    private StackDiscovery() {
    }

    /** The stacks under root; throws when root is not a readable folder (a usage error for the caller). */
    public static List<Stack> discover(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("stacks root " + root + " is not a folder (set it with -C/--root or KOMPOSE_ROOT)");
        }
        List<Stack> stacks = new ArrayList<>();
        // no isDirectory per entry: looking for a compose file inside a plain file fails the same way
        // (one stat per entry instead of two; a thousand stacks are a thousand entries)
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path folder : entries) {
                String name = folder.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                for (String composeName : COMPOSE_FILE_NAMES) {
                    Path composeFile = folder.resolve(composeName);
                    if (Files.isRegularFile(composeFile)) {
                        stacks.add(new Stack(name, folder, composeFile));
                        break;
                    }
                }
            }
        }
        // a lambda of ours, not Comparator.comparing: the JDK's comparator lambdas are not in the start-up archive
        stacks.sort((left, right) -> left.name().compareTo(right.name()));
        return stacks;
    }
}
