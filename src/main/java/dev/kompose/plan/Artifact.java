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
}
