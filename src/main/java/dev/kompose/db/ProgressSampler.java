package dev.kompose.db;

import dev.kompose.plan.StageContext;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reports a streaming stage's bytes while it runs by sampling a counter (a growing file's size,
 * a reader's file position) a few times a second. Sampling costs nothing on the data path: the
 * tools read and write their files themselves.
 */
final class ProgressSampler implements AutoCloseable {
    private static final long INTERVAL_MILLIS = 250;
    private final ScheduledExecutorService scheduler;
    private final StageContext context;
    private final LongSupplier bytesDone;
    private volatile long bytesExpected;
    private long highest;
    private boolean closed;

    ProgressSampler(StageContext context, LongSupplier bytesDone, long bytesExpected) {
        this(context, bytesDone, bytesExpected, true);
    }

    /**
     * @param announce report 0 bytes at once; false when the total is about to arrive ({@link #expect}),
     *     which then makes the first report (or the first sample, if it never comes)
     */
    ProgressSampler(StageContext context, LongSupplier bytesDone, long bytesExpected, boolean announce) {
        this.context = context;
        this.bytesDone = bytesDone;
        this.bytesExpected = bytesExpected;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kompose-progress");
            thread.setDaemon(true);
            return thread;
        });
        if (announce) {
            context.progress(0, bytesExpected);
        }
        scheduler.scheduleAtFixedRate(this::sample, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        long done = bytesDone.getAsLong();
        if (done > highest) {
            highest = done;
            context.progress(done, bytesExpected);
        }
    }

    /** The total learnt while the stage runs (a plain dump's size estimate): shown from now on. */
    synchronized void expect(long bytes) {
        if (closed) {
            return; // too late: the stage reported its end already
        }
        bytesExpected = bytes;
        context.progress(highest, bytes);
    }

    /** Stops sampling; on success reports the final count as complete. */
    void finish(long finalBytes) {
        close();
        context.progress(finalBytes, finalBytes);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        scheduler.shutdownNow();
    }
}
