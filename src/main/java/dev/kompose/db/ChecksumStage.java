package dev.kompose.db;

import dev.kompose.plan.Artifact;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** db:verify's first proof: the dump's size and SHA-256 are the ones its manifest wrote down. */
public record ChecksumStage(Path dumpFile) implements Stage {

    @Override
    public StageKind kind() {
        return StageKind.CHECK;
    }

    @Override
    public String name() {
        return "checksum";
    }

    @Override
    public String description() {
        return "compare the size and SHA-256 of " + dumpFile.getFileName() + " with "
                + DumpManifest.pathFor(dumpFile).getFileName();
    }

    @Override
    public List<String> commandText() {
        return List.of("sha256 " + dumpFile.getFileName() + " == sha256 in " + DumpManifest.pathFor(dumpFile).getFileName());
    }

    @Override
    public String skipConsequence() {
        return "the restore and the row counts are checked without knowing the file is the one exported";
    }

    @Override
    public StageResult run(StageContext context) {
        DumpManifest manifest;
        try {
            manifest = DumpManifest.readFor(dumpFile);
        } catch (IOException noManifest) {
            return StageResult.failed(noManifest.getMessage() + ": nothing to verify against",
                    new Artifact.DumpVerified(dumpFile, false));
        }
        try {
            long size = Files.size(dumpFile);
            if (size != manifest.size()) {
                return StageResult.failed("checksum: " + dumpFile.getFileName() + " has " + size + " bytes, its manifest says "
                        + manifest.size(), new Artifact.DumpVerified(dumpFile, false));
            }
            String sha256 = DumpManifest.sha256Of(dumpFile);
            if (!sha256.equals(manifest.sha256())) {
                return StageResult.failed("checksum: the SHA-256 of " + dumpFile.getFileName() + " is " + sha256
                        + ", its manifest says " + manifest.sha256(), new Artifact.DumpVerified(dumpFile, false));
            }
            return StageResult.succeeded("checksum matches (" + sha256.substring(0, 12) + "…)");
        } catch (IOException unreadable) {
            return StageResult.failed("cannot read " + dumpFile.getFileName() + ": " + unreadable.getMessage(),
                    new Artifact.DumpVerified(dumpFile, false));
        }
    }
}
