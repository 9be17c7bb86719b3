package dev.kompose.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.NewerPostgres;
import dev.kompose.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real PostgreSQL 17 server (binaries from Maven Central) and the host's PostgreSQL 15 pg_dump:
 * with DB_CLIENT=host kompose stops before anything runs, naming both versions and the fix; with
 * auto it never uses the host's pg_dump for the dump, and turns to the stack's PostgreSQL service
 * (here a stand-in docker that says the service is not running, so the stack fails clearly). A
 * recording pg_dump in front of the real one shows the host client was asked its version only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewerServerTest {
    private PostgresServer server;
    private Path root;
    private Path shims;

    @BeforeAll
    void startSeventeen(@TempDir Path folder) throws Exception {
        server = PostgresServer.startPrivate(NewerPostgres.binaries());
        server.sql("postgres", "CREATE DATABASE app");
        root = Files.createDirectories(folder.resolve("root"));
        Path app = Files.createDirectories(root.resolve("app"));
        Files.writeString(app.resolve("compose.yaml"), "services:\n  db:\n    image: postgres:17\n    ports:\n      - \"127.0.0.1:"
                + server.port() + ":5432\"\n");
        Files.writeString(app.resolve(".env"), server.envLines("app"));
        Files.writeString(app.resolve("hooks.sh"), "hook_pre_db_export() { touch \"$KOMPOSE_ROOT/../hook-ran\"; }\n");
        shims = Files.createDirectories(folder.resolve("shims"));
        String realPgDump = PostgresServerPaths.which("pg_dump");
        shim("pg_dump", "echo \"pg_dump $*\" >> \"" + folder.resolve("calls.log") + "\"\nexec " + realPgDump + " \"$@\"\n");
        shim("docker", "echo \"docker $*\" >> \"" + folder.resolve("calls.log") + "\"\necho 'service \"db\" is not running' >&2\nexit 1\n");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private void shim(String name, String body) throws IOException {
        Path file = shims.resolve(name);
        Files.writeString(file, "#!/bin/bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private KomposeProcess.Result kompose(String... arguments) throws IOException {
        Files.deleteIfExists(root.resolveSibling("calls.log"));
        return new KomposeProcess().environment("PATH", shims + ":" + System.getenv("PATH"))
                .environment("KOMPOSE_COMPOSE", "docker compose").run(arguments);
    }

    private List<String> calls() throws IOException {
        Path log = root.resolveSibling("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void hostModeStopsAtOnceNamingBothVersionsAndTheFix() throws IOException {
        KomposeProcess.Result result = kompose("-C", root.toString(), "--db-client", "host", "app", "db:export");

        assertEquals(1, result.exitCode(), result.toString());
        String text = result.out();
        assertTrue(text.matches("(?s).*the host's pg_dump 15\\.\\d+ is older than the server \\(PostgreSQL 17\\.5\\).*"), text);
        assertTrue(text.contains("install the PostgreSQL 17 client tools on this host, or set DB_CLIENT=container"), text);
        assertTrue(text.contains("nothing was changed"), text);
        assertEquals(List.of("pg_dump --version"), calls(), "the host's pg_dump was only asked its version");
        assertFalse(Files.exists(root.resolveSibling("hook-ran")), "no hook ran");
        assertEquals(List.of(".env", "compose.yaml", "hooks.sh"), files(), "no dump, no temporary file");
    }

    @Test
    void autoDoesNotUseTheOlderHostClientAndTurnsToTheStacksService() throws IOException {
        KomposeProcess.Result result = kompose("-C", root.toString(), "app", "db:export");

        assertEquals(1, result.exitCode(), result.toString());
        String text = result.out();
        assertTrue(text.contains("is older than the server (PostgreSQL 17.5)"), text);
        assertTrue(text.contains("the tools in the stack's PostgreSQL service cannot be used instead: in service db:"
                + " service db is not running"), text);
        List<String> calls = calls();
        assertEquals(List.of("pg_dump --version"), calls.stream().filter(call -> call.startsWith("pg_dump")).toList(),
                "auto never ran the host's pg_dump against the newer server: " + calls);
        assertTrue(calls.stream().anyMatch(call -> call.startsWith("docker compose -f compose.yaml exec -T")
                && call.contains(" db psql ")), "it asked the service instead: " + calls);
        assertFalse(Files.exists(root.resolveSibling("hook-ran")), "no hook ran");
        assertEquals(List.of(".env", "compose.yaml", "hooks.sh"), files());
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("app"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> !name.equals(".kompose.lock")).sorted().toList();
        }
    }

    /** Where a program is on PATH. */
    static final class PostgresServerPaths {
        static String which(String program) {
            for (String folder : System.getenv("PATH").split(":")) {
                Path candidate = Path.of(folder, program);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
            throw new IllegalStateException(program + " is not on PATH");
        }
    }
}
