package dev.kompose.db;

import dev.kompose.plan.Artifact;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes the manifest beside the dump just published: its checksum and size, and what the dump
 * stage took (the row counts of its snapshot, the server's version, its times), atomically.
 *
 * @param client what the version check found of the dump tool ("pg_dump 16.4"), or "" when unknown
 */
public record WriteManifestStage(String stackName, String database, DumpFormat format, String client, Path plannedFile)
        implements Stage {

    @Override
    public StageKind kind() {
        return StageKind.FILE;
    }

    @Override
    public String name() {
        return "manifest";
    }

    @Override
    public String description() {
        return "write " + DumpManifest.pathFor(plannedFile).getFileName()
                + ": checksum, size, versions, times, hooks and every table's rows in the dump's snapshot";
    }

    @Override
    public List<String> commandText() {
        return List.of("sha256 " + plannedFile.getFileName() + " > " + DumpManifest.pathFor(plannedFile).getFileName()
                + DumpFiles.PARTIAL_SUFFIX + " && mv " + DumpManifest.pathFor(plannedFile).getFileName()
                + DumpFiles.PARTIAL_SUFFIX + " " + DumpManifest.pathFor(plannedFile).getFileName());
    }

    @Override
    public String skipConsequence() {
        return "the dump has no manifest: it imports, but db:verify cannot prove it";
    }

    @Override
    public StageResult run(StageContext context) {
        Optional<Path> dump = context.state().dumpFile();
        Optional<Artifact.DumpTaken> taken = context.state().dumpTaken();
        if (dump.isEmpty() || taken.isEmpty()) {
            return StageResult.failed("no dump was taken in a snapshot: nothing to describe");
        }
        try {
            long size = DumpFiles.sizeOf(dump.get());
            // hashed while pg_dump wrote it (the published file is that file, renamed), else read once more now
            String sha256 = taken.get().sha256Covering(size).orElse(null);
            DumpManifest manifest = new DumpManifest(stackName, database, dump.get().getFileName().toString(),
                    size, sha256 != null ? sha256 : DumpManifest.sha256Of(dump.get()), format.label(),
                    taken.get().serverVersion(), client, taken.get().started().toString(), taken.get().ended().toString(),
                    context.state().hooksRun(), taken.get().rowCounts());
            Path written = manifest.writeBeside(dump.get());
            return StageResult.succeeded("", new Artifact.ManifestWritten(written));
        } catch (IOException cannotWrite) {
            return StageResult.failed("cannot write the manifest: " + cannotWrite.getMessage());
        }
    }
}
