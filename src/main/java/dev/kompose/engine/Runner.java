package dev.kompose.engine;

import dev.kompose.exec.Cancellation;
import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.exec.ProcessObserver;
import dev.kompose.exec.ProcessRunner;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.StackState;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plan: every stack in order, each stack's stages in order, stopping a stack at its first
 * failure (then running its clean-up stages) and going on with the next stack. Straight-through,
 * dry-run and step-through differ only in the executor and gate handed in; what happens is
 * reported to the listener. With a parallelism above 1, up to that many stacks run at a time
 * (each on its own thread, stages still in order); the listener is then called from those
 * threads one call at a time, the gate is asked one question at a time, and the report keeps
 * the plan's order.
 */
public final class Runner {
    private final ProcessRunner processRunner;
    private final StageExecutor executor;
    private final StageGate gate;
    private final RunListener listener;
    private final Cancellation cancellation;
    private final int parallelism;

    public Runner(ProcessRunner processRunner, StageExecutor executor, StageGate gate, RunListener listener,
            Cancellation cancellation) {
        this(processRunner, executor, gate, listener, cancellation, 1);
    }

    /** parallelism: how many stacks may run at a time (1: one after another, in the plan's order). */
    public Runner(ProcessRunner processRunner, StageExecutor executor, StageGate gate, RunListener listener,
            Cancellation cancellation, int parallelism) {
        this.processRunner = processRunner;
        this.executor = executor;
        this.gate = parallelism > 1 ? new OneQuestionAtATimeGate(gate) : gate;
        this.listener = parallelism > 1 ? new SynchronizedRunListener(listener) : listener;
        this.cancellation = cancellation;
        this.parallelism = Math.max(1, parallelism);
    }

    public RunReport run(Plan plan) {
        listener.runStarted(plan);
        List<StackPlan> stacks = plan.stacks();
        StackReport[] reports = new StackReport[stacks.size()];
        java.util.concurrent.atomic.AtomicBoolean quit = new java.util.concurrent.atomic.AtomicBoolean();
        if (parallelism == 1 || stacks.size() < 2) {
            for (int index = 0; index < stacks.size(); index++) {
                reports[index] = runOne(stacks.get(index), quit);
            }
        } else {
            ParallelStacks.runAll(stacks.size(), Math.min(parallelism, stacks.size()),
                    index -> reports[index] = runOneOnItsThread(stacks.get(index), quit));
        }
        String quitReason = quit.get() ? "quit at the step prompt" : "";
        String cancelledBy = cancellation.isCancelled() ? cancellation.reason() : quitReason;
        RunReport report = new RunReport(List.of(reports), cancelledBy,
                cancellation.isCancelled() ? cancellation.exitCode() : 130);
        listener.runFinished(report);
        return report;
    }

    /** One stack on a thread of its own: a bug in it fails that stack, not the run. */
    private StackReport runOneOnItsThread(StackPlan stack, java.util.concurrent.atomic.AtomicBoolean quit) {
        try {
            return runOne(stack, quit);
        } catch (RuntimeException bug) {
            StackReport failed = new StackReport(stack.stackName(), StackOutcome.FAILED,
                    "internal error: " + bug.getClass().getSimpleName(), Duration.ZERO);
            listener.stackFinished(stack, failed);
            return failed;
        }
    }

    /** One stack, unless the run was cancelled or quit before it began. */
    private StackReport runOne(StackPlan stack, java.util.concurrent.atomic.AtomicBoolean quit) {
        if (quit.get() || cancellation.isCancelled()) {
            return new StackReport(stack.stackName(), StackOutcome.NOT_RUN, "not run", Duration.ZERO);
        }
        StackRun run = new StackRun(stack);
        StackReport report = run.execute();
        listener.stackFinished(stack, report);
        if (run.quit) {
            quit.set(true);
        }
        return report;
    }

    /** One stack's pass through its stages. */
    private final class StackRun {
        private final StackPlan stack;
        private final SecretMasker masker;
        private final StackState state = new StackState(null);
        private boolean quit;
        private boolean askEachStage = true;

        StackRun(StackPlan stack) {
            this.stack = stack;
            this.masker = new SecretMasker(stack.secretValues());
        }

        StackReport execute() {
            long start = System.nanoTime();
            listener.stackStarted(stack);
            if (stack.isSkipped()) {
                return report(StackOutcome.SKIPPED, stack.skipReason(), start);
            }
            StageGate.Decision stackDecision = gate.beforeStack(stack);
            if (stackDecision == StageGate.Decision.QUIT) {
                quit = true;
                return report(StackOutcome.CANCELLED, "quit before it started; nothing was changed", start);
            }
            if (stackDecision == StageGate.Decision.SKIP) {
                return report(StackOutcome.SKIPPED, "not confirmed; nothing was changed", start);
            }
            List<Stage> stages = stack.stages();
            String lastMessage = "";
            for (int index = 0; index < stages.size(); index++) {
                Stage stage = stages.get(index);
                int number = index + 1;
                if (cancellation.isCancelled()) {
                    return cleanUpAfter(StackOutcome.CANCELLED, cancellation.reason() + " before " + stage.name(), start);
                }
                StageGate.Decision decision = askEachStage
                        ? gate.beforeStage(stack, stage, number, stages.size()) : StageGate.Decision.RUN;
                if (decision == StageGate.Decision.QUIT) {
                    quit = true;
                    return cleanUpAfter(StackOutcome.CANCELLED, "quit at stage " + number + "/" + stages.size()
                            + " (" + stage.name() + "); later stages did not run", start);
                }
                if (decision == StageGate.Decision.SKIP) {
                    listener.stageSkipped(stack, stage, number, stages.size());
                    continue;
                }
                if (decision == StageGate.Decision.ALL) {
                    askEachStage = false;
                }
                listener.stageStarted(stack, stage, number, stages.size());
                StageResult result = runStage(stage);
                listener.stageFinished(stack, stage, result);
                if (result.status() == StageResult.Status.CANCELLED || cancellation.isCancelled()) {
                    return cleanUpAfter(StackOutcome.CANCELLED, stage.name() + ": " + cancellation.reason(), start);
                }
                if (result.isFailure()) {
                    return cleanUpAfter(StackOutcome.FAILED, stage.name() + ": " + result.message(), start);
                }
                if (!result.message().isEmpty()) {
                    lastMessage = result.message();
                }
            }
            return report(StackOutcome.SUCCEEDED, lastMessage, start);
        }

        private StageResult runStage(Stage stage) {
            try {
                StageResult result = executor.execute(stage, new Context(stage, cancellation));
                return result.withMessage(masker.mask(result.message()));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return StageResult.cancelled("interrupted");
            } catch (RuntimeException bug) {
                return StageResult.failed("internal error in stage " + stage.name() + ": "
                        + masker.mask(String.valueOf(bug.getMessage())));
            }
        }

        /** Runs the clean-up stages with a fresh cancellation, so that a cancel cannot stop the tidying up. */
        private StackReport cleanUpAfter(StackOutcome outcome, String message, long start) {
            Cancellation cleanupCancellation = Cancellation.none();
            for (Stage cleanup : stack.cleanupStages()) {
                listener.stageStarted(stack, cleanup, 0, stack.stages().size());
                StageResult result;
                try {
                    result = executor.execute(cleanup, new Context(cleanup, cleanupCancellation));
                } catch (InterruptedException interrupted) {
                    result = StageResult.failed("interrupted during clean-up");
                } catch (RuntimeException bug) {
                    result = StageResult.failed("internal error in clean-up: " + masker.mask(String.valueOf(bug.getMessage())));
                }
                listener.stageFinished(stack, cleanup, result.withMessage(masker.mask(result.message())));
            }
            return report(outcome, message, start);
        }

        private StackReport report(StackOutcome outcome, String message, long start) {
            return new StackReport(stack.stackName(), outcome, masker.mask(message),
                    Duration.ofNanos(System.nanoTime() - start));
        }

        /** The context one stage runs in: its output and progress reach the listener masked. */
        private final class Context implements StageContext {
            private final Stage stage;
            private final Cancellation stageCancellation;

            Context(Stage stage, Cancellation stageCancellation) {
                this.stage = stage;
                this.stageCancellation = stageCancellation;
            }

            @Override
            public ExecutionResult execute(CommandSpec command) {
                return execute(command, ProcessObserver.IGNORE);
            }

            @Override
            public ExecutionResult execute(CommandSpec command, ProcessObserver observer) {
                SecretMasker commandMasker = new SecretMasker(command.secretValues());
                return processRunner.run(command, new ProcessObserver() {
                    @Override
                    public void started(long processId) {
                        observer.started(processId);
                    }

                    @Override
                    public void line(dev.kompose.exec.OutputStreamName stream, String line) {
                        observer.line(stream, line);
                        report(commandMasker.mask(line));
                    }
                }, stageCancellation);
            }

            @Override
            public dev.kompose.exec.HeldProcess start(CommandSpec command, ProcessObserver observer) {
                SecretMasker commandMasker = new SecretMasker(command.secretValues());
                return processRunner.start(command, new ProcessObserver() {
                    @Override
                    public void started(long processId) {
                        observer.started(processId);
                    }

                    @Override
                    public void line(dev.kompose.exec.OutputStreamName stream, String line) {
                        observer.line(stream, line);
                        if (stream == dev.kompose.exec.OutputStreamName.STDERR) {
                            report(commandMasker.mask(line));
                        }
                    }
                }, stageCancellation);
            }

            @Override
            public void report(String line) {
                listener.stageOutput(stack, stage, masker.mask(line));
            }

            @Override
            public void progress(long bytesDone, long bytesExpected) {
                listener.stageProgress(stack, stage, bytesDone, bytesExpected);
            }

            @Override
            public Cancellation cancellation() {
                return stageCancellation;
            }

            @Override
            public StackState state() {
                return state;
            }
        }
    }
}
