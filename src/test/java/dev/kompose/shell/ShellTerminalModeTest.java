package dev.kompose.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.StackFolder;
import dev.kompose.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long-running compose commands in the shell, in a real terminal (tmux), with a stand-in for docker
 * compose: Ctrl-C stops {@code logs -f} and {@code up} and gives the prompt back, {@code exec} without
 * {@code -T} gets the terminal, and after the shell {@code stty -g} is what it was before.
 */
@Tag("terminal")
class ShellTerminalModeTest {
    private static final String FAKE_COMPOSE = """
            #!/bin/bash
            # a stand-in for docker compose: -f FILE COMMAND ARGS
            shift 2; command=$1; shift
            case $command in
              logs) n=0; while true; do echo "log line $n"; n=$((n + 1)); sleep 0.2; done ;;
              up) echo "attached to web"; while true; do sleep 1; done ;;
              exec) if [ -t 0 ] && [ -t 1 ]; then echo "exec on a terminal"; read -r answer; echo "exec read $answer";
                    else echo "exec without a terminal"; fi ;;
            esac
            """;
    @TempDir
    Path root;
    @TempDir
    Path scratch;
    private Tmux tmux;
    private String prompt;

    @BeforeEach
    void stack() throws IOException {
        new StackFolder(root).stackWithoutDatabase("web");
        Path compose = Files.writeString(scratch.resolve("fake-compose"), FAKE_COMPOSE);
        Files.setPosixFilePermissions(compose, PosixFilePermissions.fromString("rwx------"));
        prompt = "kompose " + root + "> ";
    }

    @AfterEach
    void close() {
        if (tmux != null) {
            tmux.close();
        }
    }

    private void shell() throws IOException {
        Map<String, String> environment = Map.of("HOME", scratch.toString(), "XDG_STATE_HOME", scratch.resolve("state").toString(),
                "TERM", "xterm-256color", "KOMPOSE_COMPOSE", scratch.resolve("fake-compose").toString());
        tmux = Tmux.startAround(scratch, environment, List.of("CI"), "stty -g > '" + scratch.resolve("stty-before") + "'",
                "stty -g > '" + scratch.resolve("stty-after") + "'", "-C", root.toString(), "shell");
        tmux.waitFor(prompt);
    }

    private void assertTerminalAsItWas() throws IOException {
        tmux.waitFor("[kompose exited 0]");
        String before = Files.readString(scratch.resolve("stty-before")).strip();
        String after = Files.readString(scratch.resolve("stty-after")).strip();
        assertFalse(before.isEmpty());
        assertEquals(before, after, "stty -g before and after the shell");
    }

    private static long fakeComposeProcesses() {
        return ProcessHandle.allProcesses().filter(process -> process.info().commandLine().orElse("").contains("fake-compose")).count();
    }

    @Test
    void ctrlCStopsLogsFollowAndUpThenExecGetsTheTerminalAndTheTerminalIsAsItWas() throws Exception {
        shell();
        tmux.type("web logs -f").press("Enter");
        tmux.waitFor("log line 3");
        long start = System.nanoTime();
        tmux.press("C-c");
        tmux.waitForCount(prompt, 2);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        // about 0.25 s measured on an idle machine (tmux's polling included); the margin is for a loaded 2-core machine
        assertTrue(millis < 3000, "back at the prompt in " + millis + " ms");
        assertEquals(0, fakeComposeProcesses(), "logs -f was stopped");

        tmux.type("web up").press("Enter");
        tmux.waitFor("attached to web");
        tmux.press("C-c");
        tmux.waitForCount(prompt, 3);
        assertEquals(0, fakeComposeProcesses(), "up was stopped");

        tmux.type("web exec app sh").press("Enter");
        tmux.waitFor("exec on a terminal");
        tmux.type("hello").press("Enter");
        tmux.waitFor("exec read hello");
        tmux.waitForCount(prompt, 4);
        tmux.type("web exec -T app sh").press("Enter");
        tmux.waitFor("exec without a terminal");
        tmux.waitForCount(prompt, 5);

        tmux.type("list").press("Enter");
        tmux.waitFor("1 stack");
        tmux.type("exit").press("Enter");
        assertTerminalAsItWas();
    }

    @Test
    @Tag("postgres")
    void afterTheProgressPanelAndCtrlCOfAnExportTheTerminalIsAsItWas() throws Exception {
        dev.kompose.testing.PostgresServer server = dev.kompose.testing.PostgresServer.get();
        server.recreateDatabase("shellmode");
        server.sql("shellmode", "CREATE TABLE item AS SELECT generate_series(1, 1000) AS id");
        new StackFolder(root).databaseStack("app", server, "shellmode");
        new StackFolder(root).hooks("app", "hook_pre_db_export() {\n  echo \"pre export\"\n  sleep \"${SLOW_EXPORT:-0}\"\n}\n");
        shell();
        tmux.type("app db:export").press("Enter");
        tmux.waitFor("Summary: 1 succeeded, 0 failed out of 1 stacks");
        tmux.waitForCount(prompt, 2);
        tmux.type("set SLOW_EXPORT=30").press("Enter");
        tmux.waitFor("(session override)");
        tmux.type("app db:export").press("Enter");
        tmux.waitFor("pre export");
        tmux.press("C-c");
        tmux.waitFor("[CANCELLED]");
        tmux.waitForCount("[+1 override]> ", 2);
        tmux.type("exit").press("Enter");
        assertTerminalAsItWas();
    }

    @Test
    void ctrlDLeavesTheTerminalAsItWas() throws Exception {
        shell();
        tmux.type("li").press("Tab");
        tmux.waitFor(prompt + "list");
        tmux.press("Enter");
        tmux.waitFor("1 stack");
        tmux.press("C-d");
        assertTerminalAsItWas();
    }
}
