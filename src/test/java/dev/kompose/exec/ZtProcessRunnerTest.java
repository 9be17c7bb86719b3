package dev.kompose.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZtProcessRunnerTest {
    private final ZtProcessRunner runner = new ZtProcessRunner();
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final ProcessObserver recorder = new ProcessObserver() {
        @Override
        public void line(OutputStreamName stream, String line) {
            lines.add(stream + " " + line);
        }
    };

    private static CommandSpec.Builder bash(String script) {
        return CommandSpec.of("bash", "-c", script).workingDirectory(Path.of("."));
    }

    @Test
    void aHeldChildReadsWhatIsWrittenWhileItRunsAndEndsWhenItsInputCloses() throws Exception {
        java.util.concurrent.BlockingQueue<String> answers = new java.util.concurrent.LinkedBlockingQueue<>();
        ProcessObserver observer = new ProcessObserver() {
            @Override
            public void line(OutputStreamName stream, String line) {
                answers.add(stream + " " + line);
            }
        };
        try (HeldProcess child = runner.start(bash("while read -r line; do echo \"got $line\"; done; echo bye >&2")
                .ownProcessGroup(true).build(), observer, Cancellation.none())) {
            child.write("one\n");
            assertEquals("STDOUT got one", answers.poll(10, TimeUnit.SECONDS), "answered before the input is closed");
            child.write("two\n");
            assertEquals("STDOUT got two", answers.poll(10, TimeUnit.SECONDS));
            ExecutionResult result = child.finish();
            assertTrue(result.succeeded(), result.explain());
            assertEquals("STDERR bye", answers.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void stoppingAHeldChildInterruptsItFirst() throws Exception {
        HeldProcess child = runner.start(bash("trap 'echo interrupted; exit 5' INT; while :; do sleep 0.1; done")
                .ownProcessGroup(true).build(), recorder, Cancellation.none());
        Thread.sleep(300);
        ExecutionResult result = child.stop();
        assertEquals(5, result.exitCode(), result.explain() + " " + lines);
        assertTrue(result.cancelled());
        assertTrue(lines.contains("STDOUT interrupted"), lines.toString());
    }

    @Test
    void aHeldChildIsStoppedByACancelAndAFailedStartIsReportedNotThrown() throws Exception {
        Cancellation cancellation = new Cancellation();
        HeldProcess child = runner.start(bash("sleep 60").ownProcessGroup(true).build(), recorder, cancellation);
        Thread.sleep(200);
        cancellation.cancel("test");
        ExecutionResult result = child.finish();
        assertTrue(result.cancelled(), result.explain());

        HeldProcess missing = runner.start(CommandSpec.of("kompose-no-such-program").build(), recorder, Cancellation.none());
        assertFalse(missing.finish().succeeded());
        assertThrows(java.io.IOException.class, () -> missing.write("x\n"));
    }

    @Test
    void reportsTheExitStatusAndKeepsStdoutAndStderrApart() {
        ExecutionResult result = runner.run(bash("echo out; echo err >&2; exit 3").build(), recorder, Cancellation.none());

        assertEquals(3, result.exitCode());
        assertFalse(result.succeeded());
        assertEquals("exit status 3", result.explain());
        assertTrue(lines.contains("STDOUT out"), lines.toString());
        assertTrue(lines.contains("STDERR err"), lines.toString());
    }

    @Test
    void standardOutputGoesStraightToAFileAndStandardErrorNeverDoes(@TempDir Path folder) throws Exception {
        Path input = Files.writeString(folder.resolve("in with space.sql"), "line one\nline two\n");
        Path output = folder.resolve("out file.sql");
        ExecutionResult result = runner.run(bash("echo \"pid $$\" >&2; cat; echo err >&2").standardInput(input)
                .standardOutput(output).ownProcessGroup(true).build(), recorder, Cancellation.none());

        assertTrue(result.succeeded(), result.explain());
        assertEquals("line one\nline two\n", Files.readString(output), "stdin from the file, stdout into the file, nothing else");
        assertTrue(lines.contains("STDERR err"), lines.toString());
        assertFalse(lines.stream().anyMatch(line -> line.startsWith("STDOUT")), lines.toString());
    }

        @Test
    void passesEnvironmentAndWorkingDirectory(@TempDir Path folder) throws Exception {
        ExecutionResult result = runner.run(bash("echo \"$GREETING $(pwd)\"").environment("GREETING", "hello")
                .workingDirectory(folder).build(), recorder, Cancellation.none());

        assertTrue(result.succeeded());
        assertEquals(List.of("STDOUT hello " + folder.toRealPath()), lines);
    }

    @Test
    void standardInputIsEmptySoAReaderDoesNotHang() {
        ExecutionResult result = runner.run(bash("if read -r line; then echo \"got:$line\"; else echo eof; exit 1; fi").standardInput(Path.of("/dev/null"))
                .timeout(Duration.ofSeconds(10)).build(), recorder, Cancellation.none());

        assertEquals(1, result.exitCode());
        assertEquals(List.of("STDOUT eof"), lines);
    }

    @Test
    void aTimeoutKillsTheWholeProcessGroupIncludingBackgroundedChildren(@TempDir Path folder) throws Exception {
        Path pidFile = folder.resolve("child.pid");
        ExecutionResult result = runner.run(bash("sleep 300 & echo $! > " + pidFile + "; wait")
                .timeout(Duration.ofMillis(1500)).ownProcessGroup(true).build(), recorder, Cancellation.none());

        assertTrue(result.timedOut());
        assertFalse(result.succeeded());
        assertTrue(result.explain().startsWith("timed out after"), result.explain());
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertChildGone(child);
    }

    @Test
    void aCancelStopsTheChildAndItsChildren(@TempDir Path folder) throws Exception {
        Path pidFile = folder.resolve("child.pid");
        Cancellation cancellation = new Cancellation();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        later.schedule(() -> cancellation.cancel("test"), 1, TimeUnit.SECONDS);
        ExecutionResult result = runner.run(bash("sleep 300 & echo $! > " + pidFile + "; wait").ownProcessGroup(true).build(),
                recorder, cancellation);
        later.shutdown();

        assertTrue(result.cancelled());
        assertChildGone(Long.parseLong(Files.readString(pidFile).strip()));
    }

    @Test
    void aMissingProgramIsReportedWithoutTheEnvironment() {
        ExecutionResult result = runner.run(CommandSpec.of("no-such-program-kompose").workingDirectory(Path.of("."))
                .secret("PGPASSWORD", "very-secret-1").build(), recorder, Cancellation.none());

        assertFalse(result.succeeded());
        assertEquals("could not start: no-such-program-kompose: command not found", result.explain());
    }

    @Test
    void describeMasksSecretsAndQuotesWords() {
        CommandSpec spec = CommandSpec.of("pg_dump", "--dbname=my db").secret("PGPASSWORD", "hunter22")
                .workingDirectory(Path.of(".")).build();

        assertEquals("PGPASSWORD=*** pg_dump '--dbname=my db'", spec.describe());
        assertFalse(spec.arguments().toString().contains("hunter22"));
    }

    private static void assertChildGone(long pid) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid);
            if (!alive) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("child " + pid + " outlived the timeout");
    }

    private static boolean isZombie(long pid) {
        try {
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            return status.contains("State:\tZ");
        } catch (java.io.IOException gone) {
            return true;
        }
    }
}
