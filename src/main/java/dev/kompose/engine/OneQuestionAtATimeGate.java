package dev.kompose.engine;

import dev.kompose.plan.Stage;
import dev.kompose.plan.StackPlan;

/** A gate asked from several stacks at a time: one question at a time, so that prompts never overlap. */
final class OneQuestionAtATimeGate implements StageGate {
    private final StageGate gate;

    OneQuestionAtATimeGate(StageGate gate) {
        this.gate = gate;
    }

    @Override
    public synchronized Decision beforeStack(StackPlan stack) {
        return gate.beforeStack(stack);
    }

    @Override
    public synchronized Decision beforeStage(StackPlan stack, Stage stage, int number, int total) {
        return gate.beforeStage(stack, stage, number, total);
    }

    @Override
    public boolean consultedInDryRun() {
        return gate.consultedInDryRun();
    }
}
