package dev.kompose.safety;

import dev.kompose.json.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operations journal: one JSON line per stack per run, appended to
 * {@code $KOMPOSE_JOURNAL}, else {@code $XDG_STATE_HOME/kompose/journal.jsonl}, else
 * {@code ~/.local/state/kompose/journal.jsonl}. Created readable by its owner only.
 */
public final class Journal {
    public static final String LOCATION_VARIABLE = "KOMPOSE_JOURNAL";
    private final Path file;

    public Journal(Path file) {
        this.file = file;
    }

    public static Journal at(Map<String, String> environment) {
        return new Journal(location(environment));
    }

    public static Path location(Map<String, String> environment) {
        String configured = environment.get(LOCATION_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        String state = environment.get("XDG_STATE_HOME");
        Path stateFolder;
        if (state != null && state.startsWith("/")) {
            stateFolder = Path.of(state);
        } else {
            String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
            stateFolder = Path.of(home, ".local", "state");
        }
        return stateFolder.resolve("kompose").resolve("journal.jsonl");
    }

    public Path file() {
        return file;
    }

    /** Appends one entry as one line, in one write. */
    public void append(Map<String, Object> entry) throws IOException {
        byte[] line = (JsonText.line(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        Path folder = file.getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException createdMeanwhile) {
                // another kompose created it: append to it
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
        }
        Files.write(file, line, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** The entries in the order written; lines that are not journal entries are counted in skipped. */
    public Entries read() throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        int skipped = 0;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return new Entries(List.of(), 0);
        } catch (java.nio.charset.MalformedInputException binary) {
            lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                if (JsonText.read(line) instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> entry = (Map<String, Object>) map;
                    entries.add(entry);
                } else {
                    skipped++;
                }
            } catch (IllegalArgumentException | StackOverflowError malformed) {
                skipped++;
            }
        }
        return new Entries(entries, skipped);
    }

    /** @param skipped lines that could not be read (a line cut short by a crash, say) */
    public record Entries(List<Map<String, Object>> entries, int skipped) {
    }
}
