package dev.kompose.engine;

import static dev.kompose.testing.FakeProcessRunner.argumentsContain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.exec.Cancellation;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.testing.CommandTestStage;
import dev.kompose.testing.FakeProcessRunner;
import dev.kompose.testing.RecordingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunnerTest {
    private final FakeProcessRunner processes = new FakeProcessRunner();
    private final RecordingListener listener = new RecordingListener();

    private static StackPlan stack(String name, List<Stage> stages, List<Stage> cleanup) {
        return new StackPlan(name, dev.kompose.testing.TestOperation.FOLDER, stages, cleanup, "", List.of(), Set.of("s3cret-value"));
    }

    private RunReport run(Plan plan, StageExecutor executor, StageGate gate, Cancellation cancellation) {
        return new Runner(processes, executor, gate, listener, cancellation).run(plan);
    }

    @Test
    void runsEveryStageOfEveryStackInOrder() {
        processes.expect("a one", argumentsContain("a1"), 0).expect("a two", argumentsContain("a2"), 0)
                .expect("b one", argumentsContain("b1"), 0);
        Plan plan = new Plan(dev.kompose.testing.TestOperation.named("test"), List.of(
                stack("a", List.of(new CommandTestStage("one", "a1"), new CommandTestStage("two", "a2")), List.of()),
                stack("b", List.of(new CommandTestStage("one", "b1")), List.of())));

        RunReport report = run(plan, StageExecutor.REAL, StageGate.ALWAYS, Cancellation.none());

        processes.assertAllCalled();
        assertEquals(0, report.exitCode());
        assertEquals(2, report.succeeded());
        assertEquals(List.of("start a 1/2 one", "finish a one SUCCEEDED", "start a 2/2 two", "finish a two SUCCEEDED",
                "stack a SUCCEEDED", "start b 1/1 one", "finish b one SUCCEEDED", "stack b SUCCEEDED", "run exit 0"),
                listener.events());
    }

    @Test
    void aFailingStageStopsItsStackRunsTheCleanUpAndTheNextStackStillRuns() {
        processes.expect("a one", argumentsContain("a1"), 3)
                .expect("a cleanup", argumentsContain("undo"), 0)
                .expect("b one", argumentsContain("b1"), 0);
        Plan plan = new Plan(dev.kompose.testing.TestOperation.named("test"), List.of(
                stack("a", List.of(new CommandTestStage("one", "a1"), new CommandTestStage("two", "a2")),
                        List.of(new CommandTestStage("undo", "undo"))),
                stack("b", List.of(new CommandTestStage("one", "b1")), List.of())));

        RunReport report = run(plan, StageExecutor.REAL, StageGate.ALWAYS, Cancellation.none());

        processes.assertAllCalled();
        assertEquals(1, report.exitCode());
        assertEquals(StackOutcome.FAILED, report.stacks().get(0).outcome());
        assertEquals("one: one: exit status 3", report.stacks().get(0).message());
        assertEquals(StackOutcome.SUCCEEDED, report.stacks().get(1).outcome());
        assertTrue(listener.events().contains("start a cleanup undo"));
        assertFalse(listener.events().stream().anyMatch(event -> event.contains("a 2/2")));
    }

    @Test
    void aCancelStopsTheRunCleansUpAndLeavesLaterStacksNotRun() {
        processes.expectCancelledDuring("a one", argumentsContain("a1"))
                .expect("a cleanup (runs despite the cancel)", argumentsContain("undo"), 0);
        Cancellation cancellation = new Cancellation();
        Plan plan = new Plan(dev.kompose.testing.TestOperation.named("test"), List.of(
                stack("a", List.of(new CommandTestStage("one", "a1"), new CommandTestStage("two", "a2")),
                        List.of(new CommandTestStage("undo", "undo"))),
                stack("b", List.of(new CommandTestStage("one", "b1")), List.of())));

        RunReport report = run(plan, StageExecutor.REAL, StageGate.ALWAYS, cancellation);

        processes.assertAllCalled();
        assertEquals(130, report.exitCode());
        assertEquals(StackOutcome.CANCELLED, report.stacks().get(0).outcome());
        assertEquals(StackOutcome.NOT_RUN, report.stacks().get(1).outcome());
        assertEquals("interrupted (SIGINT)", report.cancelledBy());
    }

    @Test
    void dryRunStartsNoProcess() {
        Plan plan = new Plan(dev.kompose.testing.TestOperation.named("test"), List.of(stack("a", List.of(new CommandTestStage("one", "a1")), List.of())));

        RunReport report = run(plan, StageExecutor.DRY_RUN, StageGate.ALWAYS, Cancellation.none());

        assertEquals(List.of(), processes.received());
        assertEquals(0, report.exitCode());
        assertTrue(listener.events().contains("finish a one SIMULATED"));
    }

    @Test
    void aGateCanSkipAStageAndQuitTheRun() {
        processes.expect("a two", argumentsContain("a2"), 0).expect("a cleanup", argumentsContain("undo"), 0);
        List<String> asked = new ArrayList<>();
        StageGate gate = new StageGate() {
            @Override
            public Decision beforeStage(StackPlan stack, Stage stage, int number, int total) {
                asked.add(stack.stackName() + " " + stage.name());
                return switch (stage.name()) {
                    case "one" -> Decision.SKIP;
                    case "two" -> Decision.RUN;
                    default -> Decision.QUIT;
                };
            }
        };
        Plan plan = new Plan(dev.kompose.testing.TestOperation.named("test"), List.of(
                stack("a", List.of(new CommandTestStage("one", "a1"), new CommandTestStage("two", "a2"),
                        new CommandTestStage("three", "a3")), List.of(new CommandTestStage("undo", "undo"))),
                stack("b", List.of(new CommandTestStage("one", "b1")), List.of())));

        RunReport report = run(plan, StageExecutor.REAL, gate, Cancellation.none());

        processes.assertAllCalled();
        assertEquals(List.of("a one", "a two", "a three"), asked);
        assertEquals(130, report.exitCode());
        assertEquals("quit at the step prompt", report.cancelledBy());
        assertEquals(StackOutcome.NOT_RUN, report.stacks().get(1).outcome());
        assertTrue(listener.events().contains("skipped a one"));
    }

    @Test
    void answeringAllStopsTheQuestions() {
        processes.expect("one", argumentsContain("a1"), 0).expect("two", argumentsContain("a2"), 0);
        List<String> asked = new ArrayList<>();
        StageGate gate = new StageGate() {
            @Override
            public Decision beforeStage(StackPlan stack, Stage stage, int number, int total) {
                asked.add(stage.name());
                return Decision.ALL;
            }
        };
        Plan plan = new Plan(dev.kompose.testing.TestOperation.named("test"), List.of(stack("a", List.of(new CommandTestStage("one", "a1"),
                new CommandTestStage("two", "a2")), List.of())));

        assertEquals(0, run(plan, StageExecutor.REAL, gate, Cancellation.none()).exitCode());
        assertEquals(List.of("one"), asked);
    }

    @Test
    void secretsAreMaskedInOutputAndMessages() {
        processes.expect("leaky", argumentsContain("a1"), 1, "connecting with password s3cret-value");
        Plan plan = new Plan(dev.kompose.testing.TestOperation.named("test"), List.of(stack("a", List.of(new CommandTestStage("one", "a1")), List.of())));

        RunReport report = run(plan, StageExecutor.REAL, StageGate.ALWAYS, Cancellation.none());

        assertTrue(listener.events().contains("output a connecting with password ***"), listener.events().toString());
        assertFalse(listener.events().toString().contains("s3cret-value"));
        assertEquals(1, report.exitCode());
    }

    @Test
    void aSkippedStackCountsAsSuccess() {
        Plan plan = new Plan(dev.kompose.testing.TestOperation.named("test"), List.of(StackPlan.skipped("web", dev.kompose.testing.TestOperation.FOLDER, "no database", List.of())));

        RunReport report = run(plan, StageExecutor.REAL, StageGate.ALWAYS, Cancellation.none());

        assertEquals(0, report.exitCode());
        assertEquals(StackOutcome.SKIPPED, report.stacks().get(0).outcome());
        assertEquals("no database", report.stacks().get(0).message());
    }
}
