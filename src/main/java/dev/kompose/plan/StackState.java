package dev.kompose.plan;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the stages of one stack hand on to each other while they run: the dump file actually
 * written (its planned name may have been taken meanwhile), and the temporary file in progress.
 */
public final class StackState {
    private Path dumpFile;
    private Path temporaryDumpFile;
    private Artifact.DumpTaken dumpTaken;
    private final java.util.List<String> hooksRun = new java.util.ArrayList<>();

    public StackState(Path plannedDumpFile) {
        this.dumpFile = plannedDumpFile;
    }

    public Optional<Path> dumpFile() {
        return Optional.ofNullable(dumpFile);
    }

    public void dumpFile(Path file) {
        this.dumpFile = file;
    }

    public Optional<Path> temporaryDumpFile() {
        return Optional.ofNullable(temporaryDumpFile);
    }

    public void temporaryDumpFile(Path file) {
        this.temporaryDumpFile = file;
    }

    /** What the dump stage took (its snapshot's row counts), for the manifest; empty before it succeeded. */
    public Optional<Artifact.DumpTaken> dumpTaken() {
        return Optional.ofNullable(dumpTaken);
    }

    public void dumpTaken(Artifact.DumpTaken taken) {
        this.dumpTaken = taken;
    }

    /** The hooks that ran to their end so far, in order. */
    public java.util.List<String> hooksRun() {
        return java.util.List.copyOf(hooksRun);
    }

    public void hookRan(String hookName) {
        hooksRun.add(hookName);
    }
}
