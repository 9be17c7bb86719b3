package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.engine.StageGate;
import dev.kompose.exec.Cancellation;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.progress.ProgressMode;
import dev.kompose.render.ProgressLinePrinter;
import dev.kompose.testing.FakeProcessRunner;
import dev.kompose.testing.TestOperation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether a run shows progress is the operation's own policy, not a reading of its command text. */
class ProgressDisplayTest {
    private static boolean showsProgressLines(TestOperation operation) {
        Session session = new Session(Map.of(), new FakeProcessRunner(), Clock.systemUTC(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        session = session.with(session.settings().withProgressMode(ProgressMode.PLAIN));
        Plan plan = new Plan(operation, List.of(StackPlan.skipped("app", TestOperation.FOLDER, "test", List.of())));
        try (ProgressDisplay display = ProgressDisplay.choose(session, plan, false, StageGate.ALWAYS, Cancellation.none())) {
            return display.listeners().stream().anyMatch(ProgressLinePrinter.class::isInstance);
        }
    }

    @Test
    void theOperationSaysWhetherItStreams() {
        assertTrue(showsProgressLines(new TestOperation("a verb named like nothing kompose knows", true)));
        assertEquals(false, showsProgressLines(new TestOperation("db:export spelled out but not streaming", false)));
    }
}
