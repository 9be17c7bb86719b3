package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.engine.Runner;
import dev.kompose.engine.StageExecutor;
import dev.kompose.exec.Cancellation;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import dev.kompose.render.Style;
import dev.kompose.testing.FakeProcessRunner;
import dev.kompose.testing.RecordingListener;
import dev.kompose.testing.TestOperation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Step-through: kompose's own safeguards in one line with details on request, the rest in full; answers obeyed exactly. */
class StepThroughGateTest {
    private final StringWriter screen = new StringWriter();
    private final List<String> questions = new ArrayList<>();
    private final RecordingListener listener = new RecordingListener();

    /** A stage that records that it ran; safeguard and destructive as given. */
    private record ProbeStage(String name, boolean safeguard, boolean destructive, List<String> commandText) implements Stage {
        @Override
        public StageKind kind() {
            return safeguard ? StageKind.CHECK : StageKind.SQL;
        }

        @Override
        public String description() {
            return "describe " + name;
        }

        @Override
        public String skipConsequence() {
            return "nothing guards " + name;
        }

        @Override
        public StageResult run(StageContext context) {
            context.report("ran " + name);
            return StageResult.succeeded();
        }
    }

    private List<String> step(List<Stage> stages, String... answers) {
        Deque<String> queue = new ArrayDeque<>(List.of(answers));
        Prompter prompter = question -> {
            questions.add(question);
            screen.append(question).append("<answer>\n");
            return queue.poll();
        };
        PrintWriter out = new PrintWriter(screen, true);
        StackPlan stack = new StackPlan("news", TestOperation.FOLDER, stages, List.of(), "", List.of(), Set.of());
        new Runner(new FakeProcessRunner(), StageExecutor.REAL, new StepThroughGate(out, Style.plain(), prompter, false),
                listener, Cancellation.none()).run(new Plan(TestOperation.named("db:export"), List.of(stack)));
        return listener.events().stream().filter(event -> event.startsWith("output")).toList();
    }

    @Test
    void aSafeguardIsOneLineAndItsSqlOnlyOnRequest() {
        Stage estimate = new ProbeStage("estimate-size", true, false, List.of("psql -c 'SELECT very_long_estimate_sql'"));
        Stage hook = new ProbeStage("pre_db_export", false, false, List.of("bash -c hook_pre_db_export"));

        List<String> ran = step(List.of(estimate, hook), "y", "y");

        String text = screen.toString();
        assertFalse(text.contains("very_long_estimate_sql"), text);
        String beforeFirstQuestion = text.substring(0, text.indexOf(StepThroughGate.SAFEGUARD_QUESTION));
        assertEquals(1, beforeFirstQuestion.strip().lines().count(), "one line for the safeguard:\n" + text);
        assertTrue(beforeFirstQuestion.contains("stage 1/2") && beforeFirstQuestion.contains("estimate-size"), text);
        assertTrue(text.contains("$ bash -c hook_pre_db_export") && text.contains("if skipped: nothing guards pre_db_export"),
                "the other stage keeps its full display:\n" + text);
        assertEquals(List.of(StepThroughGate.SAFEGUARD_QUESTION, StepThroughGate.QUESTION), questions);
        assertEquals(List.of("output news ran estimate-size", "output news ran pre_db_export"), ran);
    }

    @Test
    void detailsShowTheExactCommandThenAskAgain() {
        Stage lock = new ProbeStage("lock", true, false, List.of("lock /stacks/news/.kompose.lock"));

        List<String> ran = step(List.of(lock), "d", "s");

        String text = screen.toString();
        assertTrue(text.contains("$ lock /stacks/news/.kompose.lock") && text.contains("describe lock"), text);
        assertEquals(2, questions.size());
        assertTrue(questions.stream().allMatch(question -> question.startsWith(StepThroughGate.QUESTION_START)));
        assertTrue(text.contains("skipping lock: nothing guards lock"), text);
        assertEquals(List.of(), ran, "skipped as answered");
    }

    @Test
    void aDestructiveStageIsNeverShownBrieflyEvenWhenItIsASafeguard() {
        Stage drop = new ProbeStage("drop-previous", true, true, List.of("DROP DATABASE x"));

        step(List.of(drop), "q");

        String text = screen.toString();
        assertTrue(text.contains("DESTRUCTIVE") && text.contains("$ DROP DATABASE x"), text);
        assertEquals(List.of(StepThroughGate.QUESTION), questions);
    }
}
