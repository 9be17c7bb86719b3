package dev.kompose.db;

import dev.kompose.plan.Artifact;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Gives a finished dump its final name, only after checking it is complete. The name is claimed
 * with a hard link, which fails instead of overwriting: when another export took the name in the
 * same second, the next sequence number (-2, -3, ...) is used.
 */
public record PublishDumpStage(Path temporaryFile, String database, LocalDateTime timestamp, Path plannedFile)
        implements Stage {
    private static final int MAXIMUM_SEQUENCE = 999;

    @Override
    public StageKind kind() {
        return StageKind.FILE;
    }

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public String description() {
        return "check the dump is complete, then rename it to " + plannedFile.getFileName()
                + " (never overwriting an existing dump)";
    }

    @Override
    public List<String> commandText() {
        return List.of("check " + temporaryFile.getFileName() + " is complete (" + CheckDumpStage.checkText(plannedFile, "it") + ")",
                "mv -n " + temporaryFile.getFileName() + " " + plannedFile.getFileName());
    }

    @Override
    public String skipConsequence() {
        return "the dump stays under its temporary name, which no import or cleanup takes for a dump";
    }

    @Override
    public StageResult run(StageContext context) {
        if (!Files.exists(temporaryFile)) {
            return StageResult.failed("no dump was written to " + temporaryFile.getFileName());
        }
        Optional<String> problem = DumpFiles.completenessProblem(temporaryFile);
        if (problem.isPresent()) {
            return StageResult.failed(problem.get());
        }
        Path folder = plannedFile.getParent();
        for (int sequence = 1; sequence <= MAXIMUM_SEQUENCE; sequence++) {
            Path candidate = folder.resolve(DumpFiles.fileName(database, timestamp, sequence,
                    DumpFormat.fromName(plannedFile.getFileName().toString()).orElse(DumpFormat.PLAIN)));
            try {
                Files.createLink(candidate, temporaryFile);
                Files.delete(temporaryFile);
                context.state().dumpFile(candidate);
                long bytes = DumpFiles.sizeOf(candidate);
                return StageResult.succeeded("wrote " + candidate.getFileName() + " (" + ByteCounts.format(bytes) + ")",
                        new Artifact.DumpWritten(candidate, bytes));
            } catch (FileAlreadyExistsException taken) {
                context.report("  " + candidate.getFileName() + " exists already; trying the next name");
            } catch (IOException | UnsupportedOperationException cannotLink) {
                return StageResult.failed("cannot rename the dump into place: " + cannotLink.getMessage());
            }
        }
        return StageResult.failed("no free dump name for " + timestamp + " after " + MAXIMUM_SEQUENCE + " tries");
    }
}
