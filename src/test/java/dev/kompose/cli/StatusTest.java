package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.db.DumpFiles;
import dev.kompose.json.JsonText;
import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.RecordingDocker;
import dev.kompose.testing.StackFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * status asks each Docker engine once, however many stacks it serves, matches containers to stacks
 * by their compose project label, and with --max-age exits 1 naming the stale stacks.
 */
class StatusTest {
    private static final String COMPLETE = "--\n-- PostgreSQL database dump\n--\nSELECT 1;\n--\n-- PostgreSQL database dump complete\n--\n";

    private static String container(String project, String state, String status) {
        return JsonText.line(Map.of("Names", project + "-db-1", "State", state, "Status", status,
                "Labels", "com.docker.compose.project=" + project + ",com.docker.compose.service=db"));
    }

    private static KomposeProcess kompose(RecordingDocker docker, Path root, Path psOutput) {
        return docker.kompose().environment("DOCKER_PS_OUTPUT", psOutput.toString()).environment("DOCKER_HOST", "")
                .environment("DOCKER_CONTEXT", "").environment("KOMPOSE_JOURNAL", root.resolve("journal.jsonl").toString());
    }

    @Test
    void oneEngineCallPerHostForManyStacksMatchedByProjectLabel(@TempDir Path temporary) throws Exception {
        Path root = Files.createDirectories(temporary.resolve("stacks"));
        StackFolder stacks = new StackFolder(root);
        List<String> lines = new ArrayList<>();
        for (int number = 1; number <= 30; number++) {
            String name = String.format("s%02d", number);
            stacks.databaseStackWithoutServer(name);
            if (number > 27) { // three stacks on another host
                stacks.env(name, "DB_NAME=app\nDOCKER_HOST=ssh://backup@db-host\n");
            }
            lines.add(container(name, "running", "Up 2 hours (healthy)"));
        }
        lines.add(container("s01", "exited", "Exited (0) 3 hours ago"));
        lines.add(container("someone-else", "running", "Up 1 second"));
        Path psOutput = Files.write(temporary.resolve("ps.jsonl"), lines);
        RecordingDocker docker = new RecordingDocker(temporary.resolve("bin"));

        KomposeProcess.Result result = kompose(docker, root, psOutput).run("-C", root.toString(), "-o", "json", "*", "status");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(List.of("", "ssh://backup@db-host"), docker.engineCalls(), "one docker ps per engine, in stack order");
        Map<?, ?> document = (Map<?, ?>) JsonText.read(result.out().strip());
        assertEquals("kompose.status/1", document.get("schema"));
        List<?> rows = (List<?>) document.get("stacks");
        assertEquals(30, rows.size());
        Map<?, ?> first = (Map<?, ?>) rows.get(0);
        assertEquals("s01", first.get("stack"));
        assertEquals("local", first.get("engine"));
        assertEquals("s01", first.get("project"));
        assertEquals(Map.of("running", 1L, "total", 2L, "healthy", 1L, "unhealthy", 0L, "starting", 0L), first.get("containers"));
        assertEquals(true, first.get("databaseStack"));
        assertNull(first.get("newestDump"));
        assertNull(first.get("verified"));
        assertNull(first.get("lastOperation"));
        assertEquals("ssh://backup@db-host", ((Map<?, ?>) rows.get(29)).get("engine"));
        assertEquals(List.of(), document.get("stale"));
        assertEquals(2, ((List<?>) document.get("engines")).size());

        KomposeProcess.Result text = kompose(docker, root, psOutput).run("-C", root.toString(), "s0[12]", "status");
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().startsWith("STACK  ENGINE  CONTAINERS"), text.out());
        assertTrue(text.out().contains("s01    local   1/2 (1 healthy)"), text.out());
        assertEquals(3, docker.engineCalls().size(), "the second status asked its one engine once");
    }

    @Test
    void maxAgeFailsNamingStaleMissingAndFailedExports(@TempDir Path temporary) throws Exception {
        Path root = Files.createDirectories(temporary.resolve("stacks"));
        StackFolder stacks = new StackFolder(root);
        LocalDateTime now = LocalDateTime.now();
        for (String name : List.of("fresh", "stale", "missing", "failed")) {
            stacks.databaseStackWithoutServer(name);
        }
        stacks.stackWithoutDatabase("web");
        Files.writeString(root.resolve("fresh").resolve(DumpFiles.fileName("app", now.minusHours(2), 1)), COMPLETE);
        Files.writeString(root.resolve("stale").resolve(DumpFiles.fileName("app", now.minusDays(3), 1)), COMPLETE);
        Files.writeString(root.resolve("failed").resolve(DumpFiles.fileName("app", now.minusHours(1), 1)), COMPLETE);
        Files.writeString(root.resolve("journal.jsonl"), JsonText.line(Map.of("time", "2025-01-01T00:00:00Z", "stack", "failed",
                "command", "db:export", "outcome", "failed", "exit", 1)) + "\n");
        Path psOutput = Files.writeString(temporary.resolve("ps.jsonl"), "");
        RecordingDocker docker = new RecordingDocker(temporary.resolve("bin"));

        KomposeProcess.Result good = kompose(docker, root, psOutput).run("-C", root.toString(), "fresh,web", "status",
                "--max-age", "26h");
        assertEquals(0, good.exitCode(), good.toString());

        KomposeProcess.Result bad = kompose(docker, root, psOutput).run("-C", root.toString(), "-o", "json", "*", "status",
                "--max-age", "1d");
        assertEquals(1, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("kompose: stale: "), bad.err());
        for (String name : List.of("stale (newest complete dump 3d old, more than 1d)", "missing (no complete dump)",
                "failed (last export failed at 2025-01-01T00:00:00Z)")) {
            assertTrue(bad.err().contains(name), bad.err());
        }
        Map<?, ?> document = (Map<?, ?>) JsonText.read(bad.out().strip());
        assertEquals(List.of("failed", "missing", "stale"), document.get("stale"));
        assertEquals(86400L, document.get("maxAgeSeconds"));
        Map<?, ?> fresh = (Map<?, ?>) ((List<?>) document.get("stacks")).get(1);
        assertEquals("fresh", fresh.get("stack"));
        assertEquals(false, fresh.get("stale"));
        long age = (Long) fresh.get("newestDumpAgeSeconds");
        assertTrue(age >= 7200 && age < 7300, "age " + age);
        assertEquals(Boolean.TRUE, ((Map<?, ?>) fresh.get("newestDump")).get("complete"));
        Map<?, ?> failed = (Map<?, ?>) ((List<?>) document.get("stacks")).get(0);
        assertEquals("db:export", ((Map<?, ?>) failed.get("lastExport")).get("command"));
        assertEquals("failed", ((Map<?, ?>) failed.get("lastOperation")).get("outcome"));
    }
}
