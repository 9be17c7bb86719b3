package dev.kompose.exec;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A child that gets the operator's terminal ({@link CommandSpec#terminal()}): an interactive
 * {@code docker compose exec} in the shell. zt-exec can only pump a child's streams through pipes,
 * and a program on pipes is not on a terminal, so this one case starts the process with the JDK's
 * {@link ProcessBuilder#inheritIO()}. The child stays in kompose's process group, the terminal's
 * foreground group, so the terminal's keys reach it as they would from a plain shell; a cancel, the
 * timeout or the JVM's end still stop it and everything it started.
 */
final class TerminalProcess {
    private TerminalProcess() {
    }

    static ExecutionResult run(CommandSpec command, CallerLocale callerLocale, ProcessObserver observer,
            Cancellation cancellation, Duration grace) {
        long startNanos = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command.arguments()).directory(command.workingDirectory().toFile()).inheritIO();
        builder.environment().putAll(callerLocale.forChild(command.environment()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException startProblem) {
            return ExecutionResult.couldNotStart(ZtProcessRunner.startFailureText(command, startProblem));
        }
        ProcessTreeTerminator terminator = new ProcessTreeTerminator(process.toHandle(), false, grace);
        Thread stopWithJvm = new Thread(terminator::terminate, "kompose-stop-terminal-child");
        Runtime.getRuntime().addShutdownHook(stopWithJvm);
        observer.started(process.pid());
        try (AutoCloseable ignored = cancellation.onCancel(terminator::terminate)) {
            boolean timedOut = !process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (timedOut) {
                terminator.terminate();
            }
            int exitCode = timedOut ? -1 : process.exitValue();
            return new ExecutionResult(exitCode, timedOut, cancellation.isCancelled(), null,
                    Duration.ofNanos(System.nanoTime() - startNanos));
        } catch (Exception interrupted) {
            terminator.terminate();
            return ExecutionResult.couldNotStart("interrupted while waiting: " + interrupted.getClass().getSimpleName());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopWithJvm);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }
}
