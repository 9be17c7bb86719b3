package dev.kompose.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stack's dumps as read once before planning: the files kompose named (newest first), judged as
 * far as the operation needs (none, the newest complete one, or all), and the file the operator
 * named, if any. Planners read this, never the files.
 *
 * @param entries the stack's dumps, newest first
 * @param requested the file named on the command line (judged), or empty
 */
public record DumpCatalog(List<DumpEntry> entries, Optional<DumpEntry> requested) {

    /** How much of the dumps an operation needs read before it is planned. */
    public enum Reading {
        /** Nothing: the operation does not touch dumps. */
        NONE,
        /** Names, sizes and dates only. */
        NAMES,
        /** Judged newest first until the first complete one (what an import without FILE takes). */
        NEWEST_COMPLETE,
        /** Every dump judged (listings, clean-up). */
        ALL
    }

    public static final DumpCatalog EMPTY = new DumpCatalog(List.of(), Optional.empty());

    public DumpCatalog {
        entries = List.copyOf(entries);
    }

    /**
     * Reads the dumps of database in folder as far as reading asks; requestedFile (or null) is resolved
     * against the folder first, then the current folder, and judged.
     */
    public static DumpCatalog read(Path folder, String database, Reading reading, String requestedFile) {
        List<DumpEntry> entries = new ArrayList<>();
        if (reading != Reading.NONE) {
            boolean judging = reading != Reading.NAMES;
            for (DumpFile file : DumpFiles.listOrEmpty(folder, database)) {
                DumpVerdict verdict = judging ? DumpVerdict.judge(file.path(), database) : null;
                entries.add(new DumpEntry(file, Optional.ofNullable(verdict)));
                if (verdict != null && verdict.complete() && reading == Reading.NEWEST_COMPLETE) {
                    judging = false;
                }
            }
        }
        Optional<DumpEntry> requested = Optional.empty();
        if (requestedFile != null) {
            Path given = Path.of(requestedFile);
            Path inStack = folder.resolve(given);
            Path chosen = (Files.exists(inStack) ? inStack : given.toAbsolutePath()).normalize();
            requested = Optional.of(new DumpEntry(new DumpFile(chosen, null, 0, DumpFiles.sizeOf(chosen)),
                    Optional.of(DumpVerdict.judge(chosen, database))));
        }
        return new DumpCatalog(entries, requested);
    }

    /** The newest dump judged complete. */
    public Optional<DumpEntry> newestComplete() {
        return entries.stream().filter(DumpEntry::judgedComplete).findFirst();
    }
}
