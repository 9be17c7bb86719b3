package dev.kompose.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kompose.db.RemoveDumpStage;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.StackOutcome;
import dev.kompose.engine.StackReport;
import dev.kompose.json.JsonText;
import dev.kompose.plan.Artifact;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.StageResult;
import dev.kompose.testing.TestOperation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A cancelled run still ends with one valid kompose.run/1 document: the finished stack, the cancelled and the one not run. */
class RunDocumentTest {

    @Test
    void aCancelledRunIsOneValidDocument() {
        RemoveDumpStage remove = new RemoveDumpStage(Path.of("/stacks/a/app_20250101_000000.sql"), "old \"quoted\"\nline");
        StackPlan first = new StackPlan("a", Path.of("/stacks/a"), List.of(remove), List.of(), "", List.of(), Set.of("s3cret"));
        StackPlan second = new StackPlan("b", Path.of("/stacks/b"), List.of(remove), List.of(), "", List.of(), Set.of());
        StackPlan third = new StackPlan("c", Path.of("/stacks/c"), List.of(remove), List.of(), "", List.of(), Set.of());
        StringWriter text = new StringWriter();
        RunDocument document = new RunDocument(new PrintWriter(text), false, Clock.systemUTC());

        document.runStarted(new Plan(TestOperation.named("db:cleanup"), List.of(first, second, third)));
        document.stackStarted(first);
        document.stageStarted(first, remove, 1, 1);
        document.stageFinished(first, remove, new StageResult(StageResult.Status.SUCCEEDED, "deleted, password s3cret",
                List.of(new Artifact.FileDeleted(remove.file()))));
        document.stackStarted(second);
        document.stageStarted(second, remove, 1, 1);
        document.stageFinished(second, remove, StageResult.cancelled("interrupted"));
        document.runFinished(new RunReport(List.of(new StackReport("a", StackOutcome.SUCCEEDED, "", Duration.ofMillis(1234)),
                new StackReport("b", StackOutcome.CANCELLED, "interrupted (SIGINT)", Duration.ZERO),
                new StackReport("c", StackOutcome.NOT_RUN, "", Duration.ZERO)), "interrupted (SIGINT)", 130));

        Map<?, ?> run = (Map<?, ?>) JsonText.read(text.toString().strip());
        assertEquals("kompose.run/1", run.get("schema"));
        assertEquals(130L, run.get("exit"));
        assertEquals("interrupted (SIGINT)", run.get("cancelled"));
        List<?> stacks = (List<?>) run.get("stacks");
        Map<?, ?> a = (Map<?, ?>) stacks.get(0);
        assertEquals(1.23, a.get("seconds"));
        assertEquals(List.of("/stacks/a/app_20250101_000000.sql"), a.get("filesDeleted"));
        Map<?, ?> stage = (Map<?, ?>) ((List<?>) a.get("stages")).get(0);
        assertEquals("delete app_20250101_000000.sql (old \"quoted\"\nline)", stage.get("description"));
        assertFalse(text.toString().contains("s3cret"), "masked");
        assertEquals("cancelled", ((Map<?, ?>) stacks.get(1)).get("outcome"));
        assertEquals("cancelled", ((Map<?, ?>) ((List<?>) ((Map<?, ?>) stacks.get(1)).get("stages")).get(0)).get("outcome"));
        Map<?, ?> c = (Map<?, ?>) stacks.get(2);
        assertEquals("not_run", c.get("outcome"));
        assertEquals(List.of(), c.get("stages"));
        assertEquals("/stacks/c", c.get("folder"));
    }
}
