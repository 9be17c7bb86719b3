package dev.kompose.db;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A dump as the read phase found it, with its verdict when the operation needed one.
 *
 * @param file the file, its timestamp, sequence and size
 * @param verdict whether it can be restored, or empty when it was not judged (a listing of names, say)
 */
public record DumpEntry(DumpFile file, Optional<DumpVerdict> verdict) {

    public Path path() {
        return file.path();
    }

    public String fileName() {
        return file.fileName();
    }

    /** True when judged complete; false when judged incomplete or not judged. */
    public boolean judgedComplete() {
        return verdict.map(DumpVerdict::complete).orElse(false);
    }
}
