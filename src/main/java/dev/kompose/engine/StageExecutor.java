package dev.kompose.engine;

import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageResult;

/** Runs a stage for real, or only pretends to (dry-run): the one difference between the two modes. */
@FunctionalInterface
public interface StageExecutor {

    StageExecutor REAL = Stage::run;

    StageExecutor DRY_RUN = (stage, context) -> new StageResult(StageResult.Status.SIMULATED, "");

    StageResult execute(Stage stage, StageContext context) throws InterruptedException;
}
