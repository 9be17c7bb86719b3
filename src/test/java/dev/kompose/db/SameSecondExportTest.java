package dev.kompose.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kompose.engine.RunReport;
import dev.kompose.engine.Runner;
import dev.kompose.engine.StageExecutor;
import dev.kompose.engine.StageGate;
import dev.kompose.exec.Cancellation;
import dev.kompose.exec.ZtProcessRunner;
import dev.kompose.plan.Plan;
import dev.kompose.planner.DatabasePlanner;
import dev.kompose.stack.StackDiscovery;
import dev.kompose.planner.PlanningContext;
import dev.kompose.read.StackReader;
import dev.kompose.read.StackSnapshot;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.RecordingListener;
import dev.kompose.testing.StackFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two exports stamped with the same second both survive: the second gets -2, nothing is overwritten. */
@Tag("postgres")
class SameSecondExportTest {
    @Test
    void twoExportsInTheSameSecondGetTwoFiles(@TempDir Path root) throws Exception {
        PostgresServer server = PostgresServer.get();
        server.recreateDatabase("same_second");
        server.sql("same_second", "CREATE TABLE t (id int); INSERT INTO t VALUES (1)");
        new StackFolder(root).databaseStack("app", server, "same_second");
        StackSnapshot stack = new StackReader(root, Map.of(), null, Map.of()).read(StackDiscovery.discover(root).get(0));
        LocalDateTime sameSecond = LocalDateTime.of(2025, 10, 11, 0, 50, 49);
        DatabasePlanner planner = new DatabasePlanner(new PlanningContext(sameSecond, Duration.ofMinutes(1), false, null));

        for (int export = 0; export < 3; export++) {
            RunReport report = new Runner(new ZtProcessRunner(), StageExecutor.REAL, StageGate.ALWAYS, new RecordingListener(),
                    Cancellation.none()).run(new Plan(dev.kompose.testing.TestOperation.named("db:export"), List.of(planner.export(stack, DumpFormat.PLAIN))));
            assertEquals(0, report.exitCode(), report.toString());
        }

        List<DumpFile> dumps = DumpFiles.list(root.resolve("app"), "same_second");
        assertEquals(List.of("same_second_20251011_005049-3.sql", "same_second_20251011_005049-2.sql",
                "same_second_20251011_005049.sql"), dumps.stream().map(DumpFile::fileName).toList());
        dumps.forEach(dump -> assertEquals(true, DumpFiles.isComplete(dump.path()), dump.fileName()));
    }
}
