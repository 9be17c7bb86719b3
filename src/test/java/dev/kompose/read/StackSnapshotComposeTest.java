package dev.kompose.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.compose.ComposeFacts;
import dev.kompose.compose.ComposeService;
import dev.kompose.db.DumpCatalog;
import dev.kompose.hooks.HookCatalog;
import dev.kompose.stack.Stack;
import dev.kompose.stack.StackEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A snapshot built from values alone (as planner tests build them): what its compose facts make of it. */
class StackSnapshotComposeTest {
    private static StackSnapshot snapshot(Map<String, String> stackValues, ComposeService... services) {
        Path folder = Path.of("/stacks/shop");
        return new StackSnapshot(new Stack("shop", folder, folder.resolve("compose.yaml")), Path.of("/stacks"),
                new StackEnvironment(stackValues, stackValues, List.of()), HookCatalog.none(),
                ComposeFacts.of("shop-${STAGE:-dev}", List.of(services)), DumpCatalog.EMPTY);
    }

    @Test
    void anExporterAloneIsNoDatabaseStack() {
        StackSnapshot stack = snapshot(Map.of(), ComposeService.of("metrics", "prometheuscommunity/postgres-exporter"));

        assertFalse(stack.runsPostgres());
        assertFalse(stack.isDatabaseStack());
        assertEquals("shop-dev", stack.composeProjectName());
    }

    @Test
    void aPostgresServiceOrDatabaseServiceMakesADatabaseStack() {
        assertTrue(snapshot(Map.of(), ComposeService.of("db", "timescale/timescaledb-ha:pg16")).runsPostgres());
        StackSnapshot named = snapshot(Map.of("DB_SERVICE", "store"), ComposeService.of("store", "acme/db"));
        assertTrue(named.runsPostgres());
        assertEquals("store", named.postgresService().describe());
        assertTrue(snapshot(Map.of("DB_NAME", "shop"), ComposeService.of("web", "nginx")).isDatabaseStack());
        StackSnapshot typo = snapshot(Map.of("DB_SERVICE", "typo"), ComposeService.of("db", "postgres"));
        assertTrue(typo.runsPostgres());
        assertEquals("DB_SERVICE=typo is not a service of the compose file (services: db)", typo.postgresService().describe());
        assertFalse(snapshot(Map.of("DB_SERVICE", "typo"), ComposeService.of("web", "nginx")).runsPostgres());
    }
}
