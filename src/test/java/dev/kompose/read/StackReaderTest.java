package dev.kompose.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.db.DumpCatalog;
import dev.kompose.planner.PlanningContext;
import dev.kompose.stack.Stack;
import dev.kompose.stack.StackDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackReaderTest {
    @Test
    void manyStacksAreReadInParallelYetEachAsAloneAndInTheGivenOrder(@TempDir Path root) throws Exception {
        int count = StackReader.PARALLEL_FROM * 3;
        for (int number = 0; number < count; number++) {
            Path folder = Files.createDirectories(root.resolve(String.format("s%03d", number)));
            Files.writeString(folder.resolve("compose.yaml"), "name: p${NUMBER}\nservices:\n  db:\n    image: postgres:${PG:-16}\n");
            Files.writeString(folder.resolve(".env"), "NUMBER=" + number + "\nDB_NAME=app" + number
                    + (number % 2 == 0 ? "\nPG=17\n" : "\n"));
            Files.writeString(folder.resolve(String.format("app%d_20250101_00000%d.sql", number, number % 10)), "x");
        }
        List<Stack> stacks = StackDiscovery.discover(root);
        StackReader reader = new StackReader(root, Map.of(), null, Map.of());

        List<StackSnapshot> all = reader.readAll(stacks, DumpCatalog.Reading.NAMES, null);

        assertEquals(count, all.size());
        for (int index = 0; index < count; index++) {
            StackSnapshot snapshot = all.get(index);
            StackSnapshot alone = reader.read(stacks.get(index), DumpCatalog.Reading.NAMES, null);
            assertEquals(stacks.get(index).name(), snapshot.name());
            assertEquals("p" + index, snapshot.composeProjectName(), "a stack's values never reach another");
            assertEquals(alone.environment().values(), snapshot.environment().values());
            assertEquals(alone.compose(), snapshot.compose());
            assertEquals(index % 2 == 0 ? "postgres:17" : "postgres:16", snapshot.compose().services().get(0).image());
            assertEquals(List.of(String.format("app%d_20250101_00000%d.sql", index, index % 10)),
                    snapshot.dumps().entries().stream().map(dump -> dump.file().fileName()).toList());
        }
        assertTrue(reader.readAll(List.of(), DumpCatalog.Reading.NAMES, null).isEmpty());
    }

    @Test
    void theStartTimeIsReadOnlyForOperationsThatSaySo() {
        PlanningContext withoutTime = new PlanningContext(null, Duration.ofMinutes(1), true, null);
        IllegalStateException refused = assertThrows(IllegalStateException.class, withoutTime::now);
        assertTrue(refused.getMessage().contains("usesStartTime"), refused.getMessage());
    }
}
