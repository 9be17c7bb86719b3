package dev.kompose.exec;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeroturnaround.exec.InvalidExitValueException;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;
import org.zeroturnaround.exec.StartedProcess;
import org.zeroturnaround.exec.stream.LogOutputStream;
import org.zeroturnaround.exec.stream.PumpStreamHandler;

/**
 * Starts processes with zt-exec. Its defaults are overridden on purpose: stdout and stderr stay
 * separate, the exit status is checked, children die with the JVM, and a timeout or a cancel kills
 * the whole process tree, not only the direct child. Exception texts from zt-exec carry the
 * environment (passwords), so they are never passed on.
 */
public final class ZtProcessRunner implements ProcessRunner {
    private static final Duration GRACE = Duration.ofSeconds(3);
    private static final PostgresWrapperShortcut POSTGRES_WRAPPER = PostgresWrapperShortcut.installed();
    private final CallerLocale callerLocale = CallerLocale.from(System.getenv());

    @Override
    public ExecutionResult run(CommandSpec command, ProcessObserver observer, Cancellation cancellation) {
        return run(command, observer, cancellation, null);
    }

    /**
     * The child runs on a thread of its own, as {@link #run} would run it, except that its standard
     * input is the pipe zt-exec opens, handed to the caller instead of being closed at once.
     */
    @Override
    public HeldProcess start(CommandSpec command, ProcessObserver observer, Cancellation cancellation) {
        CompletableFuture<OutputStream> input = new CompletableFuture<>();
        CommandSpec withoutInputFile = new CommandSpec(command.arguments(), command.environment(), command.secretNames(),
                command.workingDirectory(), null, command.standardOutput(), command.timeout(), command.ownProcessGroup(), false);
        CompletableFuture<ExecutionResult> end = new CompletableFuture<>();
        CompletableFuture<Long> processId = new CompletableFuture<>();
        Cancellation own = new Cancellation();
        PipedChild child = new PipedChild(input, end, processId, own, command.ownProcessGroup());
        AutoCloseable link = cancellation.onCancel(() -> new Thread(child::stop, "kompose-stop-held").start());
        Thread holder = new Thread(() -> {
            try {
                ExecutionResult result = run(withoutInputFile, new ProcessObserver() {
                    @Override
                    public void started(long pid) {
                        processId.complete(pid);
                        observer.started(pid);
                    }

                    @Override
                    public void line(OutputStreamName stream, String line) {
                        observer.line(stream, line);
                    }
                }, own, input);
                // stopped by the caller's cancel: cancelled, however it answered the interrupt
                end.complete(cancellation.isCancelled() && result.startFailure() == null
                        ? new ExecutionResult(result.exitCode(), result.timedOut(), true, null, result.elapsed()) : result);
            } finally {
                input.completeExceptionally(new IOException(command.arguments().get(0) + " is not running"));
                processId.complete(-1L);
                closeQuietly(link);
            }
        }, "kompose-held-" + command.arguments().get(0));
        holder.setDaemon(true);
        holder.start();
        return child;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // unregistering a callback cannot fail in a way that matters here
        }
    }

    /** The held child's side kompose sees: its standard input, and its end. */
    private record PipedChild(CompletableFuture<OutputStream> input, CompletableFuture<ExecutionResult> end,
            CompletableFuture<Long> processId, Cancellation own, boolean ownProcessGroup) implements HeldProcess {
        @Override
        public ExecutionResult stop() {
            long pid = processId.getNow(-1L);
            if (pid > 0 && !end.isDone()) {
                try {
                    new ProcessBuilder("kill", "-INT", "--", (ownProcessGroup ? "-" : "") + pid)
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                            .waitFor(2, TimeUnit.SECONDS);
                    end.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (IOException | ExecutionException | TimeoutException notYet) {
                    // TERM and KILL below
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!end.isDone()) {
                own.cancel("stopped");
            }
            ExecutionResult result = finish();
            // stopped on purpose: it counts as cancelled, however it answered the signal
            return result.startFailure() != null ? result
                    : new ExecutionResult(result.exitCode(), result.timedOut(), true, null, result.elapsed());
        }

        @Override
        public void write(String text) throws IOException {
            OutputStream stream = standardInput();
            stream.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            stream.flush();
        }

        @Override
        public boolean ended() {
            return end.isDone();
        }

        @Override
        public ExecutionResult finish() {
            try {
                standardInput().close();
            } catch (IOException alreadyGone) {
                // the child ended or never started: its end says how
            }
            try {
                return end.get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return ExecutionResult.couldNotStart("interrupted while waiting");
            } catch (ExecutionException unexpected) {
                return ExecutionResult.couldNotStart("held process: " + unexpected.getCause().getClass().getSimpleName());
            }
        }

        private OutputStream standardInput() throws IOException {
            try {
                return input.get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting", interrupted);
            } catch (ExecutionException notStarted) {
                throw new IOException(notStarted.getCause().getMessage());
            }
        }
    }

    private ExecutionResult run(CommandSpec command, ProcessObserver observer, Cancellation cancellation,
            CompletableFuture<OutputStream> heldInput) {
        if (cancellation.isCancelled()) {
            return new ExecutionResult(-1, false, true, null, Duration.ZERO);
        }
        if (command.terminal()) {
            return TerminalProcess.run(command, callerLocale, observer, cancellation, GRACE);
        }
        command = POSTGRES_WRAPPER.apply(command, System.getenv());
        List<String> argv = new ArrayList<>();
        if (command.ownProcessGroup()) {
            argv.add("setsid");
        }
        boolean redirected = FileRedirection.needed(command);
        argv.addAll(redirected ? FileRedirection.wrap(command) : command.arguments());
        long startNanos = System.nanoTime();
        InputStream input = null;
        StartedProcess started;
        try {
            ProcessExecutor executor = new ProcessExecutor()
                    .command(argv)
                    .directory(command.workingDirectory().toFile())
                    .environment(callerLocale.forChild(command.environment()))
                    .redirectOutput(lineStream(observer, OutputStreamName.STDOUT))
                    .redirectError(lineStream(observer, OutputStreamName.STDERR))
                    .exitValueNormal()
                    .destroyOnExit();
            if (heldInput != null) {
                executor.streams(new PumpStreamHandler(lineStream(observer, OutputStreamName.STDOUT),
                        lineStream(observer, OutputStreamName.STDERR)) {
                    @Override
                    public void setProcessInputStream(OutputStream childInput) {
                        heldInput.complete(childInput);
                    }
                });
            }
            if (command.standardInput() != null && !redirected) {
                input = new FileInputStream(command.standardInput().toFile());
                executor.redirectInput(input);
            }
            started = executor.start();
        } catch (IOException | RuntimeException startProblem) {
            closeQuietly(input);
            return ExecutionResult.couldNotStart(startFailureText(command, startProblem));
        }
        Process process = started.getProcess();
        ProcessTreeTerminator terminator = new ProcessTreeTerminator(process.toHandle(), command.ownProcessGroup(), GRACE);
        observer.started(process.pid());
        // as soon as the child ends, stop what it left in its group: a leftover holding the output pipe would
        // otherwise keep zt-exec waiting for the end of the output until the timeout
        java.util.concurrent.CompletableFuture<Boolean> leftovers = process.onExit()
                .thenApplyAsync(exited -> terminator.endLeftovers());
        try (AutoCloseable ignored = cancellation.onCancel(terminator::terminate)) {
            ExecutionResult result = awaitEnd(started.getFuture(), command.timeout(), terminator, cancellation, startNanos);
            if (stoppedLeftovers(leftovers)) {
                observer.line(OutputStreamName.STDERR, "kompose: stopped the processes it left running in the background");
            }
            return result;
        } catch (Exception unexpected) {
            terminator.terminate();
            return ExecutionResult.couldNotStart("interrupted while waiting: " + unexpected.getClass().getSimpleName());
        } finally {
            closeQuietly(input);
        }
    }

    private static ExecutionResult awaitEnd(Future<ProcessResult> future, Duration timeout,
            ProcessTreeTerminator terminator, Cancellation cancellation, long startNanos) throws InterruptedException {
        int exitCode;
        boolean timedOut = false;
        try {
            exitCode = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS).getExitValue();
        } catch (TimeoutException expired) {
            timedOut = true;
            terminator.terminate();
            exitCode = waitQuietly(future);
        } catch (ExecutionException ended) {
            exitCode = ended.getCause() instanceof InvalidExitValueException invalid ? invalid.getExitValue() : -1;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return new ExecutionResult(exitCode, timedOut, cancellation.isCancelled(), null, elapsed);
    }

    private static boolean stoppedLeftovers(java.util.concurrent.CompletableFuture<Boolean> leftovers)
            throws InterruptedException {
        try {
            return leftovers.get(GRACE.toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException unknown) {
            return false;
        }
    }

    private static int waitQuietly(Future<ProcessResult> future) throws InterruptedException {
        try {
            return future.get(GRACE.toMillis() * 3, TimeUnit.MILLISECONDS).getExitValue();
        } catch (ExecutionException ended) {
            return ended.getCause() instanceof InvalidExitValueException invalid ? invalid.getExitValue() : -1;
        } catch (TimeoutException stillRunning) {
            return -1;
        }
    }

    private static LogOutputStream lineStream(ProcessObserver observer, OutputStreamName name) {
        return new LogOutputStream() {
            @Override
            protected void processLine(String line) {
                observer.line(name, line);
            }
        };
    }

    /** The reason a program did not start, without the environment zt-exec would put in its message. */
    static String startFailureText(CommandSpec command, Exception problem) {
        Throwable cause = problem;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String program = command.arguments().get(0);
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (message.contains("No such file") || message.contains("error=2")) {
            return program + ": command not found";
        }
        if (message.contains("Permission denied") || message.contains("error=13")) {
            return program + ": permission denied";
        }
        return program + ": " + cause.getClass().getSimpleName();
    }

    private static void closeQuietly(InputStream input) {
        if (input != null) {
            try {
                input.close();
            } catch (IOException ignored) {
                // nothing to recover: the stream was only read
            }
        }
    }
}
