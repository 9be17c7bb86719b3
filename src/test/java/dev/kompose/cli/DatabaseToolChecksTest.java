package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several stacks' tools are checked at the same time, and each stack's verdict stays its own, in
 * the stacks' order. A recording psql on the PATH stands in for the server (a unit test: the real
 * check is covered against real servers elsewhere): it notes when it starts and ends, waits, and
 * answers as an unreachable server does.
 */
class DatabaseToolChecksTest {
    @TempDir
    Path folder;

    @Test
    void stacksAreCheckedSideBySideAndReportedInOrder() throws IOException {
        Path root = Files.createDirectories(folder.resolve("root"));
        List<String> names = List.of("alpha", "bravo", "charlie", "delta", "echo");
        for (String name : names) {
            Path stack = Files.createDirectories(root.resolve(name));
            Files.writeString(stack.resolve("compose.yaml"), "services:\n  app:\n    image: nginx:alpine\n");
            Files.writeString(stack.resolve(".env"), "DB_HOST=127.0.0.1\nDB_PORT=1\nDB_NAME=" + name
                    + "\nDB_USER=app\nDB_PASSWORD=secret\nDB_CLIENT=host\n");
        }
        Path shims = Files.createDirectories(folder.resolve("shims"));
        Path calls = folder.resolve("calls.log");
        shim(shims.resolve("psql"), "echo \"start $$\" >> '" + calls + "'\nsleep 0.6\necho \"end $$\" >> '" + calls + "'\n"
                + "echo 'psql: error: connection to server at \"127.0.0.1\", port 1 failed: Connection refused' >&2\nexit 2\n");
        shim(shims.resolve("pg_dump"), "echo 'pg_dump (PostgreSQL) 17.2'\n");

        KomposeProcess.Result result = new KomposeProcess().environment("PATH", shims + ":" + System.getenv("PATH"))
                .run("-C", root.toString(), "-y", "*", "db:export");

        assertEquals(1, result.exitCode(), result.toString());
        List<String> failed = new ArrayList<>();
        for (String line : result.out().split("\n")) {
            if (line.startsWith("[FAILED] ") && line.contains("cannot reach the server")) {
                failed.add(line.substring("[FAILED] ".length(), line.indexOf(':')));
            }
        }
        assertEquals(names, failed, result.toString());
        List<String> log = Files.readAllLines(calls);
        assertEquals(names.size() * 2, log.size(), log.toString());
        int startedBeforeTheFirstEnded = 0;
        for (String entry : log) {
            if (entry.startsWith("end")) {
                break;
            }
            startedBeforeTheFirstEnded++;
        }
        assertTrue(startedBeforeTheFirstEnded > 1, "the checks ran one after another: " + log);
    }

    private static void shim(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
