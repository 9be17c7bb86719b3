package dev.kompose.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Finds the stacks under a root: each direct subfolder holding a compose file, sorted by name. */
public final class StackDiscovery {
    /** The compose file names, in the order the first found wins. */
    public static final List<String> COMPOSE_FILE_NAMES =
            List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

    private StackDiscovery() {
    }

    /**
     * The stacks with these names, each looked up directly in its folder (a stat or two per name,
     * however many stacks the root holds), in stack order without duplicates; empty when one of them is
     * not a stack there (the caller then lists the root, to say which stacks there are). A name that
     * is not a plain folder name (hidden, a path, empty) is never one: discovery would not list it.
     */
    public static Optional<List<Stack>> named(Path root, Collection<String> names) {
        List<Stack> stacks = new ArrayList<>();
        for (String name : new TreeSet<>(names)) { // String order: the order discover sorts stacks in
            if (name.isEmpty() || name.startsWith(".") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
                return Optional.empty();
            }
            Stack stack = stackIn(root.resolve(name));
            if (stack == null) {
                return Optional.empty();
            }
            stacks.add(stack);
        }
        return Optional.of(stacks);
    }

    /** The stack in folder: its first compose file found, or null when it holds none. */
    private static Stack stackIn(Path folder) {
        for (String composeName : COMPOSE_FILE_NAMES) {
            Path composeFile = folder.resolve(composeName);
            if (Files.isRegularFile(composeFile)) {
                return new Stack(folder.getFileName().toString(), folder, composeFile);
            }
        }
        return null;
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
                if (folder.getFileName().toString().startsWith(".")) {
                    continue;
                }
                Stack stack = stackIn(folder);
                if (stack != null) {
                    stacks.add(stack);
                }
            }
        }
        // a lambda of ours, not Comparator.comparing: the JDK's comparator lambdas are not in the start-up archive
        stacks.sort((left, right) -> left.name().compareTo(right.name()));
        return stacks;
    }
}
