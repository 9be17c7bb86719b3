package dev.kompose.db;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * A dump kompose named: {@code <DB_NAME>_<YYYYmmdd_HHMMSS>.sql}, or with a {@code -N} sequence
 * number when two dumps were made in the same second.
 *
 * @param path the file
 * @param timestamp when the dump was started (from its name)
 * @param sequence 1 for the first dump of that second, 2 and up for later ones
 * @param size bytes
 */
public record DumpFile(Path path, LocalDateTime timestamp, int sequence, long size) {

    public String fileName() {
        return path.getFileName().toString();
    }
}
