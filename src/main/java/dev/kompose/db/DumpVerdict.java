package dev.kompose.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Whether a dump file can be restored into a database, judged once in the read phase: complete
 * (pg_dump finished it) and sound (its header, its name). The file's size and modification time
 * are kept, so a later stage can tell with one stat whether the verdict still holds.
 *
 * @param format the format told by the file's first bytes
 * @param completenessProblem why pg_dump did not finish the file, or empty
 * @param integrityProblem why the file cannot be restored into the database (includes completeness), or empty
 * @param size bytes when judged
 * @param modifiedMillis modification time when judged
 */
public record DumpVerdict(DumpFormat format, Optional<String> completenessProblem, Optional<String> integrityProblem,
        long size, long modifiedMillis) {

    /** Judges file as a dump of database: reads it once (the whole of it for gzip, the table of contents for custom). */
    public static DumpVerdict judge(Path file, String database) {
        long[] stamp = stamp(file);
        Optional<String> completeness = DumpFiles.completenessProblem(file);
        Optional<String> integrity = completeness.isPresent() ? completeness : DumpIntegrity.soundnessProblem(file, database);
        return new DumpVerdict(DumpFormat.detect(file), completeness, integrity, stamp[0], stamp[1]);
    }

    public boolean complete() {
        return completenessProblem.isEmpty();
    }

    /** True when the file still has the size and modification time it had when judged (one stat, no read). */
    public boolean stillHolds(Path file) {
        long[] now = stamp(file);
        return now[0] == size && now[1] == modifiedMillis;
    }

    /** "complete: yes" or "NOT restorable now: why", for dry-run and the step prompt. */
    public String describe() {
        return integrityProblem.map(why -> "NOT restorable now: " + why).orElse("complete: yes");
    }

    private static long[] stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new long[] {attributes.size(), attributes.lastModifiedTime().toMillis()};
        } catch (IOException missing) {
            return new long[] {-1, -1};
        }
    }
}
