package dev.kompose.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the stacks of one plan on a few threads of their own: stack 0 first, then each free
 * thread takes the next stack in plan order. Waits for every stack, also when the run is
 * cancelled (each stack stops itself and runs its clean-up; those not begun report "not run").
 */
final class ParallelStacks {
    private ParallelStacks() {
    }

    /** Runs task(0) .. task(count - 1), at most threads at a time; returns when all have ended. */
    static void runAll(int count, int threads, IntConsumer task) {
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "kompose-stack-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                int stack = index;
                running.add(pool.submit(() -> task.accept(stack)));
            }
            RuntimeException first = null;
            for (Future<?> stack : running) {
                RuntimeException problem = awaitUninterruptibly(stack);
                first = first == null ? problem : first;
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Waits for one stack; an interrupt of the waiting thread does not abandon stacks that are still cleaning up. */
    private static RuntimeException awaitUninterruptibly(Future<?> stack) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    stack.get();
                    return null;
                } catch (InterruptedException again) {
                    interrupted = true;
                } catch (ExecutionException failed) {
                    return failed.getCause() instanceof RuntimeException bug ? bug
                            : new IllegalStateException(String.valueOf(failed.getCause()), failed.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
