package dev.kompose.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stacks on several Docker engines (Compose v2): engine 1 (kompose's own DOCKER_HOST), engine 2
 * on its own socket, and engine 2 again through ssh:// to the sshd fixture on 127.0.0.1 (see
 * e2e/start-dockerd.sh, e2e/start-sshd.sh). The fixture's `ssh` (first on PATH) stands for the
 * user's own ssh config: the host alias, port, key and known hosts come only from there.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerHostsEndToEndTest {
    private static final String BUSYBOX = "kompose-e2e/busybox:latest";
    private final DockerEngine engine1 = DockerEngine.get();
    private final Path state = engine1.stateFolder();
    private final String engine2Host = "unix://" + state.resolve("engine2").resolve("docker.sock");
    private final String sshAlias = "kompose-e2e-engine2";
    private final Path sshLog = state.resolve("ssh").resolve("sshd.log");
    private final List<String> projects = new ArrayList<>();

    @TempDir
    Path root;

    @AfterEach
    void removeProjects() {
        for (String project : projects) {
            engine1.removeProject(project);
            DockerEngine.run(List.of("docker", "compose", "-p", project, "down", "-v", "--remove-orphans"), engine2(), Duration.ofSeconds(60));
        }
        DockerEngine.run(List.of("docker", "context", "rm", "-f", "e2e-far"), engine1.environment(), Duration.ofSeconds(20));
    }

    @Test
    @Order(1)
    void upPutsEveryStackOnItsOwnEngineAndTheHooksSeeThatEngine() throws IOException {
        DockerEngine.Result context = DockerEngine.run(List.of("docker", "context", "create", "e2e-far", "--docker",
                "host=ssh://" + sshAlias), withSshSetup(engine1.environment()), Duration.ofSeconds(20));
        assertEquals(0, context.exitCode(), context.toString());
        stack("near1", null);
        stack("near2", null);
        stack("unix2", "DOCKER_HOST=" + engine2Host);
        stack("far1", "DOCKER_HOST=ssh://" + sshAlias);
        stack("far2", "DOCKER_HOST=ssh://" + sshAlias);
        stack("ctx1", "DOCKER_CONTEXT=e2e-far");

        KomposeProcess.Result list = kompose().run("--list");
        assertTrue(list.out().contains("context e2e-far (ssh://" + sshAlias + ")"), list.toString());
        KomposeProcess.Result up = kompose().run("*", "up", "-d");

        assertEquals(0, up.exitCode(), up.toString());
        assertEquals(List.of("near1", "near2"), projectsRunningOn(engine1.environment()), up.toString());
        assertEquals(List.of("ctx1", "far1", "far2", "unix2"), projectsRunningOn(engine2()), up.toString());
        for (String stack : List.of("near1", "near2", "unix2", "far1", "far2", "ctx1")) {
            // the post-up hook asked docker for its project's containers: one, on the engine the stack is on
            assertEquals("1", Files.readString(root.resolve(stack).resolve("hook-saw")).strip(), stack + "\n" + up);
        }
    }

    @Test
    @Order(2)
    void psOverTenStacksOnTheSshEngineOpensOneConnection() throws IOException {
        for (int index = 0; index < 10; index++) {
            stack("far" + index, "DOCKER_HOST=ssh://" + sshAlias);
        }
        long before = acceptedConnections();
        KomposeProcess.Result ps = kompose().run("*", "ps");
        long connections = acceptedConnections() - before;

        assertEquals(0, ps.exitCode(), ps.toString());
        assertEquals(1, connections, "SSH connections for \"*\" ps over 10 stacks\n" + ps);
        assertTrue(ps.out().contains("10 succeeded, 0 failed out of 10 stacks"), ps.toString());
    }

    @Test
    @Order(3)
    void parallelRunsKeepEachStacksLinesTogetherAndTheSameSummary() throws IOException {
        for (int index = 0; index < 8; index++) {
            String pin = index % 2 == 0 ? null : "DOCKER_HOST=ssh://" + sshAlias;
            stack("par" + index, pin);
            Files.writeString(root.resolve("par" + index).resolve("hooks.sh"), """
                    hook_pre_up() {
                      for line in 1 2 3 4 5 6; do echo "line $line of $KOMPOSE_STACK"; sleep 0.1; done
                    }
                    hook_post_up() {
                      docker ps -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" | wc -l > "$KOMPOSE_ROOT/$KOMPOSE_STACK/hook-saw"
                    }
                    """);
        }
        KomposeProcess.Result parallel = kompose().run("--parallel", "4", "*", "up", "-d");
        KomposeProcess.Result serial = kompose().run("--parallel", "1", "*", "up", "-d");

        assertEquals(0, parallel.exitCode(), parallel.toString());
        assertEquals(serial.exitCode(), parallel.exitCode());
        assertEquals(summary(serial.out()), summary(parallel.out()), parallel.toString());
        assertGroupedPerStack(parallel.out());
    }

    @Test
    @Order(4)
    void anEngineThatIsDownFailsOnlyItsOwnStacks() throws Exception {
        stack("near1", null);
        stack("far1", "DOCKER_HOST=ssh://" + sshAlias);
        stack("gone1", "DOCKER_HOST=unix://" + root.resolve("stopped-engine.sock"));
        stack("gone2", "DOCKER_HOST=ssh://root@127.0.0.1:1");
        KomposeProcess.Result up = kompose().run("*", "up", "-d");

        assertEquals(1, up.exitCode(), up.toString());
        assertTrue(up.out().contains("2 succeeded, 2 failed out of 4 stacks"), up.toString());
        for (String gone : List.of("gone1", "gone2")) {
            long lines = up.all().lines().filter(line -> line.contains("does not answer") && line.contains(gone.equals("gone1")
                    ? "stopped-engine.sock" : "127.0.0.1:1")).count();
            assertTrue(lines >= 1, gone + ": one clear line\n" + up);
        }
        assertEquals(List.of("near1"), projectsRunningOn(engine1.environment()));
        assertEquals(List.of("far1"), projectsRunningOn(engine2()));
    }

    /**
     * db:export / db:import of a PostgreSQL stack that lives only behind the ssh:// engine (no
     * published port: as on a real remote host, nothing reaches it from here but docker): the
     * database tools run in the stack's container ({@code docker compose exec -T}) on that engine,
     * through the one shared SSH connection, and the dump lands in the local stack folder.
     */
    @Test
    @Order(5)
    void exportAndImportThroughTheSshEngineRestoreTheData() throws IOException {
        Path folder = Files.createDirectories(root.resolve("remote"));
        projects.add("remote");
        Files.writeString(folder.resolve("compose.yaml"), """
                services:
                  db:
                    image: postgres:15-kompose-e2e
                    stop_signal: SIGINT
                    environment:
                      POSTGRES_USER: ${DB_USER}
                      POSTGRES_PASSWORD: ${DB_PASSWORD}
                      POSTGRES_DB: ${DB_NAME}
                    healthcheck:
                      test: ["CMD", "pg_isready", "-h", "127.0.0.1", "-U", "${DB_USER}", "-d", "${DB_NAME}"]
                      interval: 1s
                      retries: 60
                """);
        Files.writeString(folder.resolve(".env"), "DOCKER_HOST=ssh://" + sshAlias + "\nDB_NAME=remote\nDB_USER=app\n"
                + "DB_PASSWORD=remote-pw\n");
        assertEquals(0, kompose().run("remote", "up", "-d", "--wait").exitCode());
        psqlOnEngine2("CREATE TABLE marker (note text); INSERT INTO marker VALUES ('before export');");

        KomposeProcess.Result export = kompose().run("remote", "db:export");
        assertEquals(0, export.exitCode(), export.toString());
        psqlOnEngine2("UPDATE marker SET note = 'changed after export';");
        KomposeProcess.Result restore = kompose().run("-y", "remote", "db:import");

        assertEquals(0, restore.exitCode(), restore.toString());
        assertEquals("before export", psqlOnEngine2("SELECT note FROM marker;").strip());
    }

    private String psqlOnEngine2(String sql) {
        DockerEngine.Result result = DockerEngine.run(List.of("docker", "compose", "-p", "remote", "exec", "-T", "db",
                "psql", "-U", "app", "-d", "remote", "-tAc", sql), engine2(), Duration.ofSeconds(60));
        assertEquals(0, result.exitCode(), result.toString());
        return result.out();
    }

    private void stack(String name, String pin) throws IOException {
        Path folder = Files.createDirectories(root.resolve(name));
        projects.add(name);
        Files.writeString(folder.resolve("compose.yaml"), "services:\n  app:\n    image: " + BUSYBOX
                + "\n    command: [\"sleep\", \"3600\"]\n    init: true\n");
        if (pin != null) {
            Files.writeString(folder.resolve(".env"), pin + "\n");
        }
        Files.writeString(folder.resolve("hooks.sh"), """
                hook_post_up() {
                  docker ps -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" | wc -l > "$KOMPOSE_ROOT/$KOMPOSE_STACK/hook-saw"
                }
                """);
    }

    private KomposeProcess kompose() {
        KomposeProcess process = new KomposeProcess().workingDirectory(root).timeout(Duration.ofMinutes(4));
        withSshSetup(engine1.environment()).forEach(process::environment);
        return process.environment("KOMPOSE_ROOT", root.toString()).environment("KOMPOSE_COMPOSE", "");
    }

    /** The environment with the fixture's ssh first on PATH (standing for the user's ~/.ssh/config). */
    private Map<String, String> withSshSetup(Map<String, String> environment) {
        Map<String, String> changed = new LinkedHashMap<>(environment);
        changed.put("PATH", state.resolve("ssh").resolve("bin") + ":" + System.getenv("PATH"));
        return changed;
    }

    private Map<String, String> engine2() {
        Map<String, String> environment = new LinkedHashMap<>(engine1.environment());
        environment.put("DOCKER_HOST", engine2Host);
        return environment;
    }

    private List<String> projectsRunningOn(Map<String, String> engine) {
        DockerEngine.Result result = DockerEngine.run(List.of("docker", "ps", "--format",
                "{{.Label \"com.docker.compose.project\"}}"), engine, Duration.ofSeconds(30));
        assertEquals(0, result.exitCode(), result.toString());
        return result.out().lines().filter(projects::contains).distinct().sorted().toList();
    }

    private long acceptedConnections() throws IOException {
        return Files.readAllLines(sshLog).stream().filter(line -> line.contains("Accepted publickey")).count();
    }

    private static String summary(String output) {
        return output.lines().filter(line -> line.startsWith("Summary:")).findFirst().orElse("(no summary)");
    }

    /** Every "line N of STACK" sits inside that stack's block, and each block's lines are in order. */
    private static void assertGroupedPerStack(String output) {
        Pattern header = Pattern.compile("^\\[STACK: (\\S+)\\]");
        Pattern hookLine = Pattern.compile("line (\\d) of (\\S+)");
        String current = null;
        Map<String, Integer> lastLine = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            Matcher stack = header.matcher(line);
            if (stack.find()) {
                current = stack.group(1);
                continue;
            }
            Matcher printed = hookLine.matcher(line);
            if (printed.find()) {
                assertEquals(current, printed.group(2), "a line of another stack inside " + current + "'s block:\n" + output);
                int number = Integer.parseInt(printed.group(1));
                assertEquals(lastLine.getOrDefault(current, 0) + 1, number, "lines out of order in " + current + ":\n" + output);
                lastLine.put(current, number);
            }
        }
        assertEquals(8, lastLine.size(), output);
        lastLine.values().forEach(count -> assertEquals(6, count, output));
    }
}
