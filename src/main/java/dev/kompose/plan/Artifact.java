package dev.kompose.plan;

import java.nio.file.Path;

/** What a stage produced or consumed, handed to listeners as a typed value (never parsed from a message). */
public sealed interface Artifact {

    /** A dump published under its final name. */
    record DumpWritten(Path file, long bytes) implements Artifact {
    }

    /** A dump read by a restore. */
    record DumpRead(Path file) implements Artifact {
    }

    /** A file deleted on purpose (an old dump by db:cleanup), not a temporary file tidied away. */
    record FileDeleted(Path file) implements Artifact {
    }

    /** A live database replaced by a restored one; previousKeptAs is empty when the old one was dropped. */
    record DatabaseReplaced(String database, String previousKeptAs) implements Artifact {
    }

    /**
     * A dump taken in an exported snapshot, still under its temporary name: what the manifest needs.
     *
     * @param rowCounts every table's rows ("schema.table"), counted in the dump's own snapshot
     * @param sha256 the SHA-256 of the file's first hashedBytes bytes, hashed while it was written, or "" when
     *     it was not (then the manifest hashes the file)
     * @param hashedBytes how many bytes sha256 covers (-1 when none)
     */
    record DumpTaken(Path temporaryFile, String serverVersion, java.util.Map<String, Long> rowCounts,
            java.time.Instant started, java.time.Instant ended, String sha256, long hashedBytes) implements Artifact {
        public DumpTaken {
            rowCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowCounts));
        }

        /** A dump not hashed while written. */
        public DumpTaken(Path temporaryFile, String serverVersion, java.util.Map<String, Long> rowCounts,
                java.time.Instant started, java.time.Instant ended) {
            this(temporaryFile, serverVersion, rowCounts, started, ended, "", -1);
        }

        /** The hash taken while the dump was written, if it covers exactly size bytes (the file as it is now). */
        public java.util.Optional<String> sha256Covering(long size) {
            return !sha256.isEmpty() && hashedBytes == size ? java.util.Optional.of(sha256) : java.util.Optional.empty();
        }
    }

    /** A manifest written beside its dump. */
    record ManifestWritten(Path file) implements Artifact {
    }

    /** A dump checked by db:verify: ok when its checksum and every table's rows matched its manifest. */
    record DumpVerified(Path file, boolean ok) implements Artifact {
    }
}
