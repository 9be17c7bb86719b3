package dev.kompose.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container path (DB_CLIENT=container): the snapshot session is a {@code docker compose exec -T
 * … psql} fed through its standard input, pg_dump --snapshot streams out, db:verify restores and
 * counts through exec too. The stand-in docker runs the tool it is given on this host against the
 * test server (as the service's local socket would), so the commands kompose builds run for real.
 */
@Tag("postgres")
class ContainerManifestVerifyTest {
    private static final String DOCKER = """
            #!/usr/bin/env bash
            echo "docker $*" >> "$CALLS_LOG"
            [[ "$1" == compose ]] || exit 1
            shift
            while [[ $# -gt 0 && "$1" != exec ]]; do shift; done
            shift
            [[ "$1" == -T ]] && shift
            while [[ "$1" == -e ]]; do shift 2; done
            shift
            export PGHOST="$TEST_PGHOST" PGPORT="$TEST_PGPORT"
            exec "$@"
            """;
    private final PostgresServer server = PostgresServer.get();

    @Test
    void exportWritesTheManifestAndVerifyPassesThroughDockerComposeExec(@TempDir Path root) throws Exception {
        String database = "container_manifest";
        server.recreateDatabase(database);
        server.sql(database, "CREATE TABLE item (id int); INSERT INTO item SELECT generate_series(1, 1234)");
        Path stack = new StackFolder(root).databaseStack("app", server, database);
        Files.writeString(stack.resolve(".env"), server.envLines(database) + "DB_CLIENT=container\n");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, DOCKER);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path calls = root.resolve("calls.log");
        KomposeProcess kompose = new KomposeProcess().environment("PATH", bin + ":" + System.getenv("PATH"))
                .environment("CALLS_LOG", calls.toString()).environment("TEST_PGHOST", server.host())
                .environment("TEST_PGPORT", Integer.toString(server.port())).environment("KOMPOSE_COMPOSE", "docker compose");

        KomposeProcess.Result export = kompose.run("-C", root.toString(), "app", "db:export");
        assertEquals(0, export.exitCode(), export.toString());
        Path dump = DumpFiles.list(stack, database).get(0).path();
        assertEquals(Map.of("public.item", 1234L), DumpManifest.readFor(dump).tables());
        List<String> lines = Files.readAllLines(calls);
        assertTrue(lines.stream().anyMatch(line -> line.contains("exec -T") && line.contains(" db psql ")
                && line.contains("--tuples-only")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.contains(" db pg_dump ") && line.contains("--snapshot=")), lines.toString());

        String before = server.databases().toString();
        KomposeProcess.Result verify = kompose.run("-C", root.toString(), "app", "db:verify");
        assertEquals(0, verify.exitCode(), verify.toString());
        assertTrue(verify.out().contains("verified " + dump.getFileName()), verify.toString());
        assertEquals(before, server.databases().toString());
        assertFalse(server.databaseExists(SqlNames.verifyDatabase(database)));
        assertFalse(verify.all().contains(PostgresServer.PASSWORD));
    }
}
