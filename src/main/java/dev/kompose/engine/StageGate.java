package dev.kompose.engine;

import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;

/**
 * Decides, before a stack and before each stage, whether it runs: always (straight through),
 * by asking the operator (step-through, confirmation of destructive operations).
 */
public interface StageGate {

    /** The decisions a gate can take. */
    enum Decision {
        RUN,
        SKIP,
        /** Run this and every later stage without asking again. */
        ALL,
        QUIT
    }

    StageGate ALWAYS = new StageGate() { };

    /** Before a stack's first stage: SKIP leaves the stack untouched (reported as skipped), QUIT ends the run. */
    default Decision beforeStack(StackPlan stack) {
        return Decision.RUN;
    }

    default Decision beforeStage(StackPlan stack, Stage stage, int number, int total) {
        return Decision.RUN;
    }

    /** True when the gate is asked in dry-run too (the step-through walkthrough); other gates are bypassed there. */
    default boolean consultedInDryRun() {
        return false;
    }
}
