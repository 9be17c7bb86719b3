package dev.kompose.cli;

import dev.kompose.engine.RunListener;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.StackReport;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shows each stack's engine in the rows of the progress panel ("news@far") when the run's stacks
 * are not all on docker's default engine: hands the panel the same events with the stacks named
 * that way. Thread-safe.
 */
final class EngineRowLabels implements RunListener {
    private final RunListener panel;
    private final Map<Path, String> engineByFolder;
    private final Map<StackPlan, StackPlan> labelled = new ConcurrentHashMap<>();

    EngineRowLabels(RunListener panel, Map<Path, String> engineByFolder) {
        this.panel = panel;
        this.engineByFolder = Map.copyOf(engineByFolder);
    }

    private StackPlan label(StackPlan stack) {
        return labelled.computeIfAbsent(stack, plan -> {
            String engine = engineByFolder.get(plan.folder());
            return engine == null ? plan : new StackPlan(plan.stackName() + "@" + engine, plan.folder(), plan.stages(),
                    plan.cleanupStages(), plan.skipReason(), plan.problems(), plan.secretValues());
        });
    }

    @Override
    public void runStarted(Plan plan) {
        List<StackPlan> stacks = plan.stacks().stream().map(this::label).toList();
        panel.runStarted(new Plan(plan.operation(), stacks));
    }

    @Override
    public void stackStarted(StackPlan stack) {
        panel.stackStarted(label(stack));
    }

    @Override
    public void stageStarted(StackPlan stack, Stage stage, int number, int total) {
        panel.stageStarted(label(stack), stage, number, total);
    }

    @Override
    public void stageOutput(StackPlan stack, Stage stage, String line) {
        panel.stageOutput(label(stack), stage, line);
    }

    @Override
    public void stageProgress(StackPlan stack, Stage stage, long bytesDone, long bytesExpected) {
        panel.stageProgress(label(stack), stage, bytesDone, bytesExpected);
    }

    @Override
    public void stageFinished(StackPlan stack, Stage stage, StageResult result) {
        panel.stageFinished(label(stack), stage, result);
    }

    @Override
    public void stageSkipped(StackPlan stack, Stage stage, int number, int total) {
        panel.stageSkipped(label(stack), stage, number, total);
    }

    @Override
    public void stackFinished(StackPlan stack, StackReport report) {
        panel.stackFinished(label(stack), new StackReport(label(stack).stackName(), report.outcome(), report.message(),
                report.elapsed()));
    }

    @Override
    public void runFinished(RunReport report) {
        panel.runFinished(report);
    }
}
