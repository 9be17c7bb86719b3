package dev.kompose.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kompose.engine.Runner;
import dev.kompose.engine.StageExecutor;
import dev.kompose.engine.StageGate;
import dev.kompose.exec.Cancellation;
import dev.kompose.plan.Artifact;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import dev.kompose.testing.FakeProcessRunner;
import dev.kompose.testing.TestOperation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal learns what a run wrote, read, deleted and replaced from the stages' typed results, never from their messages. */
class JournalArtifactsTest {

    /** A stage that hands back artifacts with a message that says nothing about them. */
    private record ProducingStage(String name, List<Artifact> artifacts) implements Stage {
        @Override
        public StageKind kind() {
            return StageKind.FILE;
        }

        @Override
        public String description() {
            return name;
        }

        @Override
        public List<String> commandText() {
            return List.of();
        }

        @Override
        public StageResult run(StageContext context) {
            return new StageResult(StageResult.Status.SUCCEEDED, "done, in words no parser would guess", artifacts);
        }
    }

    @Test
    void everyKindOfArtifactReachesTheJournal(@TempDir Path folder) throws Exception {
        Journal journal = new Journal(folder.resolve("journal.jsonl"));
        Path written = folder.resolve("app_20250101_000000.sql.gz");
        Path read = folder.resolve("app_20240101_000000.dump");
        Path deleted = folder.resolve("app_20230101_000000.sql");
        Stage stage = new ProducingStage("everything", List.of(new Artifact.DumpWritten(written, 42), new Artifact.DumpRead(read),
                new Artifact.FileDeleted(deleted), new Artifact.DatabaseReplaced("app", "")));
        Plan plan = new Plan(TestOperation.named("anything"), List.of(new StackPlan("app", folder, List.of(stage), List.of(), "",
                List.of(), Set.of())));

        new Runner(new FakeProcessRunner(), StageExecutor.REAL, StageGate.ALWAYS, new JournalListener(journal,
                Clock.systemUTC(), Cancellation.none(), new PrintWriter(new StringWriter())), Cancellation.none()).run(plan);

        Map<String, Object> entry = journal.read().entries().get(0);
        assertEquals("anything", entry.get("command"));
        assertEquals(List.of(written.toString()), entry.get("dumpsWritten"));
        assertEquals(List.of(read.toString()), entry.get("dumpsRead"));
        assertEquals(List.of(deleted.toString()), entry.get("filesDeleted"));
        assertEquals(List.of("app"), entry.get("databasesReplaced"));
    }
}
