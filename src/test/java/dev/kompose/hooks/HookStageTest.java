package dev.kompose.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.engine.RunReport;
import dev.kompose.engine.Runner;
import dev.kompose.engine.StageExecutor;
import dev.kompose.engine.StageGate;
import dev.kompose.exec.Cancellation;
import dev.kompose.exec.ZtProcessRunner;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.testing.RecordingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hooks run in a real bash: arguments stay words, nothing is re-parsed, timeouts kill everything. */
class HookStageTest {
    private final RecordingListener listener = new RecordingListener();

    private RunReport runHook(Path folder, String script, String hook, List<String> arguments, Duration timeout)
            throws Exception {
        Path hooksFile = Files.writeString(folder.resolve("hooks.sh"), script);
        HookCatalog catalog = HookCatalog.read(hooksFile);
        HookStage stage = new HookStage(hook, hooksFile, folder, arguments, false, Map.of("STACK_VALUE", "from-env"),
                Set.of(), timeout, catalog.functionText("hook_" + hook).orElse(""), "");
        Plan plan = new Plan(dev.kompose.testing.TestOperation.named("test"), List.of(new StackPlan("app", dev.kompose.testing.TestOperation.FOLDER, List.of(stage), List.of(), "", List.of(), Set.of())));
        return new Runner(new ZtProcessRunner(), StageExecutor.REAL, StageGate.ALWAYS, listener, Cancellation.none()).run(plan);
    }

    @Test
    void argumentsReachTheFunctionAsSeparateWordsAndAreNeverExecuted(@TempDir Path folder) throws Exception {
        Path marker = folder.resolve("marker");
        String script = "hook_pre_up() { printf '<%s>\\n' \"$@\"; echo \"env=$STACK_VALUE\"; }\n";

        RunReport report = runHook(folder, script, "pre_up",
                List.of("up", "with space", "$(touch " + marker + ")", "`touch " + marker + "`", "it's \"quoted\""),
                Duration.ofSeconds(30));

        assertEquals(0, report.exitCode());
        assertEquals(List.of("output app <up>", "output app <with space>", "output app <$(touch " + marker + ")>",
                "output app <`touch " + marker + "`>", "output app <it's \"quoted\">", "output app env=from-env"),
                listener.events().stream().filter(event -> event.startsWith("output")).toList());
        assertFalse(Files.exists(marker), "an argument was executed");
    }

    @Test
    void aFailingHookFailsTheStackWithItsStatus(@TempDir Path folder) throws Exception {
        RunReport report = runHook(folder, "hook_pre_db_export() { echo trying; return 4; }\n", "pre_db_export",
                List.of(), Duration.ofSeconds(30));

        assertEquals(1, report.exitCode());
        assertEquals("pre_db_export: hook hook_pre_db_export failed: exit status 4", report.stacks().get(0).message());
    }

    @Test
    void aHookPastItsTimeoutIsKilledWithEverythingItStarted(@TempDir Path folder) throws Exception {
        Path pidFile = folder.resolve("sleeper.pid");
        String script = "hook_pre_db_export() { sleep 300 & echo $! > " + pidFile + "; sleep 300; }\n";
        long start = System.nanoTime();

        RunReport report = runHook(folder, script, "pre_db_export", List.of(), Duration.ofSeconds(1));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20);
        assertTrue(report.stacks().get(0).message().contains("timed out after"), report.stacks().get(0).message());
        long sleeper = Long.parseLong(Files.readString(pidFile).strip());
        Thread.sleep(500);
        assertFalse(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)
                && !Files.readString(Path.of("/proc/" + sleeper + "/status")).contains("State:\tZ"), "the backgrounded sleep survived");
    }

    @Test
    void aHookReadingStdinGetsEndOfInputInsteadOfHanging(@TempDir Path folder) throws Exception {
        RunReport report = runHook(folder, "hook_pre_up() { if read -r answer; then echo \"read:$answer\"; else echo eof; fi; }\n",
                "pre_up", List.of(), Duration.ofSeconds(10));

        assertEquals(0, report.exitCode());
        assertTrue(listener.events().contains("output app eof"));
    }
}
