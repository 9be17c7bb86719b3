package dev.kompose.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kompose.exec.Cancellation;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageResult;
import dev.kompose.testing.FakeProcessRunner;
import dev.kompose.testing.TestOperation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** --parallel: stacks at the same time, each stack's events handed on as one block, the report in plan order. */
class ParallelRunnerTest {

    /** A stage that reports a few lines slowly, so that stacks running at the same time would interleave. */
    private static Stage slowLines(String stack, boolean fails) {
        return new Stage() {
            @Override
            public dev.kompose.plan.StageKind kind() {
                return dev.kompose.plan.StageKind.values()[0];
            }

            @Override
            public String name() {
                return "print";
            }

            @Override
            public String description() {
                return "print lines of " + stack;
            }

            @Override
            public List<String> commandText() {
                return List.of();
            }

            @Override
            public StageResult run(StageContext context) throws InterruptedException {
                for (int line = 1; line <= 5; line++) {
                    context.report("line " + line + " of " + stack);
                    Thread.sleep(20);
                }
                return fails ? StageResult.failed("failed on purpose") : StageResult.succeeded("done");
            }
        };
    }

    private static Plan plan() {
        List<StackPlan> stacks = new ArrayList<>();
        for (int index = 0; index < 8; index++) {
            String name = "s" + index;
            stacks.add(new StackPlan(name, Path.of("/stacks", name), List.of(slowLines(name, index == 3)), List.of(), "",
                    List.of(), Set.of()));
        }
        return new Plan(TestOperation.named("up"), stacks);
    }

    @Test
    void eachStacksLinesComeAsOneBlockAndTheReportKeepsThePlansOrder() {
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        RunListener printer = new RunListener() {
            @Override
            public void stackStarted(StackPlan stack) {
                printed.add("[STACK: " + stack.stackName() + "]");
            }

            @Override
            public void stageOutput(StackPlan stack, Stage stage, String line) {
                printed.add(line);
            }
        };
        RunReport parallel = new Runner(new FakeProcessRunner(), StageExecutor.REAL, StageGate.ALWAYS,
                new GroupedRunListener(printer), Cancellation.none(), 4).run(plan());
        RunReport serial = new Runner(new FakeProcessRunner(), StageExecutor.REAL, StageGate.ALWAYS,
                RunListenerNone.INSTANCE, Cancellation.none(), 1).run(plan());

        assertEquals(serial.stacks().stream().map(report -> report.stackName() + " " + report.outcome()).toList(),
                parallel.stacks().stream().map(report -> report.stackName() + " " + report.outcome()).toList());
        assertEquals(serial.exitCode(), parallel.exitCode());
        String current = null;
        for (String line : printed) {
            if (line.startsWith("[STACK: ")) {
                current = line.substring(8, line.length() - 1);
            } else {
                assertEquals(current, line.substring(line.lastIndexOf(' ') + 1), "interleaved: " + printed);
            }
        }
        assertEquals(8 * 6, printed.size());
    }

    /** A listener that hears nothing. */
    enum RunListenerNone implements RunListener {
        INSTANCE
    }
}
