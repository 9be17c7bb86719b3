package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.RecordingDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --list's POSTGRES column comes from the compose facts: the service by name, never an exporter; bad files are warnings. */
class ListPostgresColumnTest {
    @TempDir
    Path temp;

    private void stack(Path root, String name, String compose, String env) throws Exception {
        Path folder = Files.createDirectories(root.resolve(name));
        Files.writeString(folder.resolve("compose.yaml"), compose);
        if (env != null) {
            Files.writeString(folder.resolve(".env"), env);
        }
    }

    @Test
    void theColumnNamesThePostgresService() throws Exception {
        Path root = Files.createDirectories(temp.resolve("stacks"));
        stack(root, "broken", "services:\n  db:\n    image: postgres\n   ports: [\n", null);
        stack(root, "metrics", "services:\n  exporter:\n    image: prometheuscommunity/postgres-exporter\n", null);
        stack(root, "pair", "services:\n  a:\n    image: postgres:16\n  b:\n    image: postgis/postgis:16-3.4\n", null);
        stack(root, "shop", "services:\n  store:\n    image: ${PG_IMAGE:-postgres:16}\n", "DB_NAME=shop\n");
        RecordingDocker docker = new RecordingDocker(temp.resolve("bin"));

        KomposeProcess.Result result = docker.kompose().run("-C", root.toString(), "--list");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("""
                STACK    COMPOSE FILE  .ENV  DUMPS  POSTGRES         HOOKS  ENGINE
                broken   compose.yaml  no    -      no               -      local
                metrics  compose.yaml  no    -      no               -      local
                pair     compose.yaml  no    -      ambiguous: a, b  -      local
                shop     compose.yaml  yes   0      yes (store)      -      local
                shop: database shop, tools container (DB_HOST unset, service store); DB_NAME=shop (stack .env), DB_USER=postgres (image default), DB_PASSWORD=(none)
                """,
                result.out().substring(0, result.out().indexOf("[WARN]")));
        assertTrue(result.out().contains("[WARN] " + root.resolve("broken/compose.yaml") + ":4: "), result.out());
        assertTrue(result.out().endsWith("4 stacks\n"), result.out());
    }
}
