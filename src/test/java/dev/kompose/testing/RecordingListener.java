package dev.kompose.testing;

import dev.kompose.engine.RunListener;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.StackReport;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records run events as short lines ("start app 1/3 pg_dump", "output app ...") for assertions. */
public final class RecordingListener implements RunListener {
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void stageStarted(StackPlan stack, Stage stage, int number, int total) {
        events.add("start " + stack.stackName() + " " + (number == 0 ? "cleanup" : number + "/" + total) + " " + stage.name());
    }

    @Override
    public void stageOutput(StackPlan stack, Stage stage, String line) {
        events.add("output " + stack.stackName() + " " + line);
    }

    @Override
    public void stageFinished(StackPlan stack, Stage stage, StageResult result) {
        events.add("finish " + stack.stackName() + " " + stage.name() + " " + result.status());
    }

    @Override
    public void stageSkipped(StackPlan stack, Stage stage, int number, int total) {
        events.add("skipped " + stack.stackName() + " " + stage.name());
    }

    @Override
    public void stackFinished(StackPlan stack, StackReport report) {
        events.add("stack " + stack.stackName() + " " + report.outcome());
    }

    @Override
    public void runFinished(RunReport report) {
        events.add("run exit " + report.exitCode());
    }
}
