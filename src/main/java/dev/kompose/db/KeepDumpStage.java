package dev.kompose.db;

import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A dump db:cleanup keeps, and the retention rules that keep it. Shown in dry-run, step-through
 * and the confirmation so that the operator sees what stays beside what goes; when it runs it
 * checks the kept dump is still there, so that nothing is deleted when a kept dump has vanished
 * since the read phase.
 *
 * @param file the kept dump
 * @param keptBy the rules that keep it ("newest", "last #1", "daily #3")
 */
public record KeepDumpStage(Path file, List<String> keptBy) implements Stage {

    public KeepDumpStage {
        keptBy = List.copyOf(keptBy);
    }

    @Override
    public StageKind kind() {
        return StageKind.CHECK;
    }

    @Override
    public String name() {
        return "keep";
    }

    @Override
    public String description() {
        return "keep " + file.getFileName() + " (" + String.join(", ", keptBy) + ")";
    }

    @Override
    public List<String> commandText() {
        return List.of("test -f " + dev.kompose.exec.ShellQuoting.quote(file.toString()));
    }

    @Override
    public String skipConsequence() {
        return "nothing checks that this kept dump is still there before older ones are deleted";
    }

    @Override
    public StageResult run(StageContext context) {
        if (!Files.isRegularFile(file)) {
            return StageResult.failed(file.getFileName() + " was to be kept but is gone; nothing is deleted");
        }
        return StageResult.succeeded();
    }
}
