package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.json.JsonText;
import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.StackFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -o json: each listing, run result and dry-run plan is one JSON document on stdout that Gson reads
 * back, field by field, also when a stack fails; messages go to stderr; --progress json writes one
 * JSON object per line on stderr.
 */
class JsonOutputTest {
    private static final String COMPLETE = "--\n-- PostgreSQL database dump\n--\nSELECT 1;\n--\n-- PostgreSQL database dump complete\n--\n";

    private static Map<?, ?> document(KomposeProcess.Result result, String schema) {
        Object value = JsonText.read(result.out().strip());
        assertTrue(value instanceof Map<?, ?>, result.toString());
        assertEquals(schema, ((Map<?, ?>) value).get("schema"));
        assertEquals(1, result.out().strip().lines().count(), "one document, one line");
        return (Map<?, ?>) value;
    }

    private static Map<?, ?> stack(Map<?, ?> document, int index) {
        return (Map<?, ?>) ((List<?>) document.get("stacks")).get(index);
    }

    private static Path root(Path temporary) throws Exception {
        Path root = Files.createDirectories(temporary.resolve("stacks"));
        StackFolder stacks = new StackFolder(root);
        Path app = stacks.databaseStackWithoutServer("app");
        stacks.env("app", "DB_HOST=127.0.0.1\nDB_PORT=1\nDB_USER=app\nDB_NAME=app\nDB_PASSWORD=pw-hunter2\n");
        Files.writeString(app.resolve("app_20250101_020000.sql"), COMPLETE);
        Files.writeString(app.resolve("app_20250102_020000.sql"), COMPLETE);
        Files.writeString(app.resolve("app_20250103_020000.sql"), "-- cut short");
        stacks.stackWithoutDatabase("web");
        stacks.hooks("web", "hook_pre_up() {\n  echo up\n}\n");
        return root;
    }

    private static KomposeProcess kompose(Path temporary) {
        return new KomposeProcess().environment("KOMPOSE_JOURNAL", temporary.resolve("journal.jsonl").toString());
    }

    @Test
    void listingsAreOneDocumentEach(@TempDir Path temporary) throws Exception {
        Path root = root(temporary);
        Map<?, ?> stacks = document(kompose(temporary).run("-C", root.toString(), "-o", "json", "--list"), "kompose.stacks/1");
        assertEquals("app", stack(stacks, 0).get("stack"));
        assertEquals("app", stack(stacks, 0).get("database"));
        assertEquals(3L, stack(stacks, 0).get("dumps"));
        assertEquals("db", stack(stacks, 0).get("postgresService"));
        assertEquals(true, stack(stacks, 0).get("envFile"));
        assertNull(stack(stacks, 1).get("database"));
        assertEquals(List.of("hook_pre_up"), stack(stacks, 1).get("hooks"));

        Map<?, ?> dumps = document(kompose(temporary).run("-C", root.toString(), "-o", "json", "*", "db:list"), "kompose.dumps/1");
        List<?> appDumps = (List<?>) stack(dumps, 0).get("dumps");
        Map<?, ?> newest = (Map<?, ?>) appDumps.get(0);
        assertEquals("app_20250103_020000.sql", newest.get("file"));
        assertEquals(root.resolve("app").resolve("app_20250103_020000.sql").toString(), newest.get("path"));
        assertEquals(12L, newest.get("bytes"));
        assertEquals("2025-01-03T02:00", newest.get("time"));
        assertEquals(false, newest.get("complete"));
        assertEquals(true, ((Map<?, ?>) appDumps.get(1)).get("complete"));
        assertEquals(true, ((Map<?, ?>) appDumps.get(1)).get("restorable"));

        Map<?, ?> hooks = document(kompose(temporary).run("-C", root.toString(), "-o", "json", "web", "hooks", "pre_up"),
                "kompose.hooks/1");
        assertEquals(Map.of("hook_pre_up", "hook_pre_up() {\n  echo up\n}"), stack(hooks, 0).get("bodies"));

        Map<?, ?> journal = document(kompose(temporary).run("-C", root.toString(), "-o", "json", "journal"), "kompose.journal/1");
        assertEquals(List.of(), journal.get("entries"));
    }

    @Test
    void dryRunPrintsThePlanWithMaskedCommands(@TempDir Path temporary) throws Exception {
        Path root = root(temporary);
        KomposeProcess.Result result = kompose(temporary).run("-C", root.toString(), "-o", "json", "-n", "*", "db:export");
        assertEquals(0, result.exitCode(), result.toString());
        Map<?, ?> plan = document(result, "kompose.plan/1");
        assertEquals("db:export", plan.get("command"));
        Map<?, ?> app = stack(plan, 0);
        List<?> stages = (List<?>) app.get("stages");
        assertTrue(stages.stream().anyMatch(stage -> "pg_dump".equals(((Map<?, ?>) stage).get("name"))), stages.toString());
        Map<?, ?> first = (Map<?, ?>) stages.get(0);
        assertEquals(1L, first.get("number"));
        assertTrue(first.containsKey("kind") && first.containsKey("description") && first.get("command") instanceof List<?>);
        assertFalse(result.out().contains("pw-hunter2"), "the password is masked");
        assertEquals("no database (no postgres image, no DB_NAME)", stack(plan, 1).get("skipped"));
        assertTrue(result.err().contains("[DRY-RUN]"), "the text goes to stderr: " + result.err());
    }

    @Test
    void aFailedStackStillGivesOneValidRunDocument(@TempDir Path temporary) throws Exception {
        Path root = root(temporary);
        KomposeProcess.Result cleanup = kompose(temporary).run("-C", root.toString(), "-o", "json", "--progress", "json", "-y",
                "*", "db:cleanup");
        assertEquals(0, cleanup.exitCode(), cleanup.toString());
        Map<?, ?> run = document(cleanup, "kompose.run/1");
        Map<?, ?> app = stack(run, 0);
        assertEquals("succeeded", app.get("outcome"));
        assertEquals(List.of(root.resolve("app").resolve("app_20250101_020000.sql").toString()), app.get("filesDeleted"));
        Map<?, ?> keep = (Map<?, ?>) ((List<?>) app.get("stages")).get(1);
        assertEquals("keep", keep.get("name"));
        assertEquals("succeeded", keep.get("outcome"));
        assertTrue(keep.get("seconds") instanceof Number);
        for (String line : cleanup.err().lines().filter(line -> line.startsWith("{")).toList()) {
            assertEquals("kompose.progress/1", ((Map<?, ?>) JsonText.read(line)).get("schema"));
        }
        assertTrue(cleanup.err().contains("\"event\":\"run-finished\""), cleanup.err());

        KomposeProcess.Result export = kompose(temporary).run("-C", root.toString(), "-o", "json", "app", "db:export");
        assertEquals(1, export.exitCode(), export.toString());
        Map<?, ?> failed = document(export, "kompose.run/1");
        assertEquals(1L, failed.get("exit"));
        assertEquals(1L, failed.get("failed"));
        assertEquals("failed", stack(failed, 0).get("outcome"));
        assertEquals(List.of(), stack(failed, 0).get("filesWritten"));
        assertFalse(export.out().contains("pw-hunter2"));
    }
}
