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

/**
 * Deletes one file: an old dump (db:cleanup; destructive) or a temporary dump left by a failed
 * or cancelled export (clean-up; a missing file is fine).
 */
public record RemoveFileStage(Path file, String reason, boolean destructive) implements Stage {

    @Override
    public StageKind kind() {
        return StageKind.FILE;
    }

    @Override
    public String name() {
        return "remove";
    }

    @Override
    public String description() {
        return "delete " + file.getFileName() + " (" + reason + ")";
    }

    @Override
    public List<String> commandText() {
        return List.of("rm -f " + dev.kompose.exec.ShellQuoting.quote(file.toString()));
    }

    @Override
    public StageResult run(StageContext context) {
        try {
            boolean existed = Files.deleteIfExists(file);
            if (!existed) {
                return StageResult.succeeded();
            }
            return destructive ? StageResult.succeeded("deleted " + file.getFileName(), new Artifact.FileDeleted(file))
                    : StageResult.succeeded("deleted " + file.getFileName());
        } catch (IOException cannotDelete) {
            return StageResult.failed("cannot delete " + file.getFileName() + ": " + cannotDelete.getMessage());
        }
    }
}
