package dev.kompose.db;

import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Deletes a temporary file a failed or cancelled export left (a clean-up stage; a missing file is
 * fine). Old dumps are deleted by {@link RemoveDumpStage}, with their manifests.
 */
public record RemoveTemporaryFileStage(Path file, String reason) implements Stage {

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
            return Files.deleteIfExists(file) ? StageResult.succeeded("deleted " + file.getFileName()) : StageResult.succeeded();
        } catch (IOException cannotDelete) {
            return StageResult.failed("cannot delete " + file.getFileName() + ": " + cannotDelete.getMessage());
        }
    }
}
