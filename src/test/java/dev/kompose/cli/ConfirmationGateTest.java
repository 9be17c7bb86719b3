package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.db.RemoveDumpStage;
import dev.kompose.engine.StageGate.Decision;
import dev.kompose.plan.StackPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfirmationGateTest {
    private final List<String> questions = new ArrayList<>();

    private Decision answer(String reply, StackPlan plan) {
        return new ConfirmationGate(question -> {
            questions.add(question);
            return reply;
        }).beforeStack(plan);
    }

    private static StackPlan deleting() {
        return new StackPlan("news", dev.kompose.testing.TestOperation.FOLDER, List.of(new RemoveDumpStage(Path.of("/r/news/app_20250101_000000.sql"), "old")),
                List.of(), "", List.of(), Set.of());
    }

    @Test
    void asksOnceNamingTheStackAndWhatGoesAndOnlyYesProceeds() {
        assertEquals(Decision.RUN, answer("y", deleting()));
        assertEquals("Stack news:\n  - delete app_20250101_000000.sql (old)\nProceed? [y/N] ", questions.get(0));
        assertEquals(Decision.RUN, answer(" YES ", deleting()));
        assertEquals(Decision.SKIP, answer("", deleting()));
        assertEquals(Decision.SKIP, answer("n", deleting()));
        assertEquals(Decision.QUIT, answer(null, deleting()));
    }

    @Test
    void anImportNamesTheDumpFileTheDatabaseAndWhatIsReplaced() {
        dev.kompose.db.PostgresClient client = new dev.kompose.db.PostgresClient(
                new dev.kompose.db.DatabaseSettings("localhost", "5432", "app", "pw-secret", "directus"), Path.of("/r/news"));
        java.util.List<dev.kompose.plan.Stage> stages = new dev.kompose.db.ImportStages(client,
                Path.of("/r/news/directus_20251011_005049.sql"), 100, dev.kompose.db.DumpFormat.PLAIN, false,
                java.time.LocalDateTime.of(2025, 10, 11, 1, 0), 1)
                .stages();
        assertEquals(Decision.SKIP, answer("n", new StackPlan("news", dev.kompose.testing.TestOperation.FOLDER, stages, List.of(), "", List.of(), Set.of())));
        String question = questions.get(0);
        assertTrue(question.startsWith("Stack news:\n  - restore directus_20251011_005049.sql into the new database"), question);
        assertTrue(question.contains("rename it to \"directus__kompose_previous\""), question);
        assertTrue(question.contains("drop the previous database"), question);
    }

    @Test
    void doesNotAskWhenNothingIsDestructive() {
        StackPlan harmless = new StackPlan("web", dev.kompose.testing.TestOperation.FOLDER, List.of(), List.of(), "", List.of(), Set.of());
        assertEquals(Decision.RUN, answer("n", harmless));
        assertTrue(questions.isEmpty());
    }
}
