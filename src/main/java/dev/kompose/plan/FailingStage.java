package dev.kompose.plan;

import java.util.List;

/** A stage standing for an error found while planning (no DB_NAME, no dump to import): it fails with the message. */
public record FailingStage(String error) implements Stage {

    @Override
    public StageKind kind() {
        return StageKind.CHECK;
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String description() {
        return error;
    }

    @Override
    public List<String> commandText() {
        return List.of();
    }

    @Override
    public StageResult run(StageContext context) {
        return StageResult.failed(error);
    }
}
