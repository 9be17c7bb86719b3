package dev.kompose.testing;

import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.nio.file.Path;
import java.util.List;

/** A stage that runs one command, for runner tests. */
public record CommandTestStage(String name, String... arguments) implements Stage {

    public CommandSpec spec() {
        return CommandSpec.of(arguments).workingDirectory(Path.of(".")).build();
    }

    @Override
    public StageKind kind() {
        return StageKind.COMPOSE;
    }

    @Override
    public String description() {
        return "run " + name;
    }

    @Override
    public List<String> commandText() {
        return List.of(spec().describe());
    }

    @Override
    public StageResult run(StageContext context) {
        ExecutionResult result = context.execute(spec());
        if (result.cancelled()) {
            return StageResult.cancelled(name + " stopped");
        }
        return result.succeeded() ? StageResult.succeeded() : StageResult.failed(name + ": " + result.explain());
    }
}
