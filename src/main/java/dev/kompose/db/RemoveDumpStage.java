package dev.kompose.db;

import dev.kompose.plan.Artifact;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes a dump db:cleanup does not keep, and its manifest ({@code <dumpfile>.manifest.json})
 * when there is one: the manifest describes that dump only, so it goes with it. Destructive.
 *
 * @param file the dump
 * @param reason why it goes, for the operator
 */
public record RemoveDumpStage(Path file, String reason) implements Stage {
    /** What a dump's manifest is called: the dump's file name and this. */
    public static final String MANIFEST_SUFFIX = ".manifest.json";

    public Path manifest() {
        return file.resolveSibling(file.getFileName() + MANIFEST_SUFFIX);
    }

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
        return List.of("rm -f " + dev.kompose.exec.ShellQuoting.quote(file.toString()) + " "
                + dev.kompose.exec.ShellQuoting.quote(manifest().toString()));
    }

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public StageResult run(StageContext context) {
        List<Artifact> deleted = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path target : List.of(file, manifest())) {
            try {
                if (Files.deleteIfExists(target)) {
                    deleted.add(new Artifact.FileDeleted(target));
                    names.add(target.getFileName().toString());
                }
            } catch (IOException cannotDelete) {
                return new StageResult(StageResult.Status.FAILED, "cannot delete " + target.getFileName() + ": "
                        + cannotDelete.getClass().getSimpleName(), deleted);
            }
        }
        return names.isEmpty() ? StageResult.succeeded()
                : new StageResult(StageResult.Status.SUCCEEDED, "deleted " + String.join(" and ", names), deleted);
    }
}
