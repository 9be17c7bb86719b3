package dev.kompose.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.StackFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kompose shell < script}: commands line by line, no prompt or control codes, the last failure's status. */
class ShellLineModeTest {
    @TempDir
    Path root;

    private KomposeProcess.Result shell(String script) throws Exception {
        Path input = Files.writeString(root.resolve("script.txt"), script);
        return new KomposeProcess().standardInput(input).environment("XDG_STATE_HOME", root.resolve("state").toString())
                .run("-C", root.toString(), "shell");
    }

    @Test
    void readsCommandsLineByLineWithoutPromptOrControlCodes() throws Exception {
        new StackFolder(root).stackWithoutDatabase("web");
        new StackFolder(root).hooks("web", "hook_pre_up() {\n  echo hi\n}\n");
        KomposeProcess.Result result = shell("# a comment\nlist\n\nweb hooks\nweb hooks hook_pre_up\n");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("1 stack"), result.toString());
        assertTrue(result.out().contains("hook_pre_up"), result.toString());
        assertTrue(result.out().contains("  hook_pre_up() {\n    echo hi\n  }"), "the body of a named hook: " + result);
        assertFalse(result.all().contains("\u001b"), "no control codes: " + result);
        assertFalse(result.out().contains("kompose "), "no prompt: " + result);
    }

    @Test
    void exitsWithTheStatusOfTheLastFailureAndGoesOnAfterIt() throws Exception {
        new StackFolder(root).stackWithoutDatabase("web");
        KomposeProcess.Result result = shell("nosuchstack ps\nlist\n");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains("Available stacks: web"), result.toString());
        assertTrue(result.out().contains("1 stack"), "the line after the failure ran: " + result);
    }

    @Test
    void sessionStateCarriesFromLineToLineAndAnOptionOnOneLineStaysOnIt() throws Exception {
        new StackFolder(root).stackWithoutDatabase("web");
        Path hooks = new StackFolder(root).hooks("web", "hook_pre_up() {\n  echo \"greeting=$GREETING\"\n  return 3\n}\n");
        KomposeProcess.Result result = shell("set GREETING=hello\ndry-run on\nweb up -d\ndry-run off\n-n web up -d\nunset GREETING\nset\n");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("GREETING=hello (session override)"), result.toString());
        assertEquals(2, result.out().split("dry run: nothing is executed", -1).length - 1, "both runs were dry: " + result);
        assertFalse(result.out().contains("greeting=hello"), "the hook never ran: " + result);
        assertTrue(result.out().contains("No overrides"), result.toString());
        assertTrue(Files.exists(hooks));
    }

    @Test
    void stepWithoutATerminalTakesItsAnswersFromTheFollowingLines() throws Exception {
        new StackFolder(root).stackWithoutDatabase("web");
        new StackFolder(root).hooks("web", "hook_pre_up() {\n  echo pre-up-ran\n}\n");
        KomposeProcess.Result result = shell("dry-run on\nstep web up -d\ny\nq\n");
        assertTrue(result.out().contains("stage 1/2"), result.toString());
        assertTrue(result.out().contains("echo pre-up-ran"), "the hook body is shown: " + result);
        assertTrue(result.out().contains("[DRY-RUN] 1/2 hook pre_up"), "answered yes: " + result);
        assertTrue(result.out().contains("stage 2/2"), result.toString());
        assertFalse(result.out().contains("[DRY-RUN] 2/2"), "quit at stage 2: " + result);
        assertTrue(result.out().lines().noneMatch(line -> line.strip().equals("pre-up-ran")), "a walkthrough runs nothing: " + result);
        assertEquals(130, result.exitCode(), "quitting counts as a cancel: " + result);
    }

    @Test
    void bareKomposeWithoutATerminalPrintsUsageAndExitsTwo() {
        KomposeProcess.Result result = new KomposeProcess().run();
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains("Usage:"), result.toString());
    }
}
