package dev.kompose.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The stages planned for one stack, in order, plus the clean-up stages that undo a partial run
 * (removing a temporary dump or database) when a stage fails or the run is cancelled.
 *
 * @param stackName the stack
 * @param folder the stack's folder (its lock and dumps live there)
 * @param stages the work, in order
 * @param cleanupStages idempotent stages run after a failure or cancel, in order
 * @param skipReason when not empty, the stack is reported as skipped with this reason and nothing runs
 * @param problems configuration problems found while planning (a malformed .env line); shown, never fatal on their own
 * @param secretValues values that must never be shown (passwords from the stack's environment); masked in all output
 */
public record StackPlan(String stackName, Path folder, List<Stage> stages, List<Stage> cleanupStages, String skipReason,
        List<String> problems, Set<String> secretValues) {

    public StackPlan {
        stages = List.copyOf(stages);
        cleanupStages = List.copyOf(cleanupStages);
        problems = List.copyOf(problems);
        secretValues = Set.copyOf(secretValues);
    }

    public static StackPlan skipped(String stackName, Path folder, String reason, List<String> problems) {
        return new StackPlan(stackName, folder, List.of(), List.of(), reason, problems, Set.of());
    }

    /** A plan that cannot run because planning found an error; the stack counts as failed. */
    public static StackPlan invalid(String stackName, Path folder, String error, List<String> problems) {
        return new StackPlan(stackName, folder, List.of(new FailingStage(error)), List.of(), "", problems, Set.of());
    }

    /** The same plan with other stages (a lock stage put first, say). */
    public StackPlan withStages(List<Stage> newStages, List<Stage> newCleanupStages) {
        return new StackPlan(stackName, folder, newStages, newCleanupStages, skipReason, problems, secretValues);
    }

    /** As {@link #invalid(String, Path, String, List)}, masking secretValues in the error (it may quote a .env line). */
    public static StackPlan invalid(String stackName, Path folder, String error, List<String> problems,
            Set<String> secretValues) {
        return new StackPlan(stackName, folder, List.of(new FailingStage(error)), List.of(), "", problems, secretValues);
    }

    public boolean isSkipped() {
        return !skipReason.isEmpty();
    }

    public boolean hasDestructiveStage() {
        return stages.stream().anyMatch(Stage::destructive);
    }
}
