package dev.kompose.progress;

/**
 * A transfer rate smoothed over time: an exponentially weighted moving average whose weight
 * depends on the time between samples (time constant {@link #TIME_CONSTANT_SECONDS}), so that
 * irregular sampling does not make the rate jump. Pure: times come in as nanoseconds.
 */
final class RateEstimator {
    static final double TIME_CONSTANT_SECONDS = 3.0;
    /** Samples closer together than this are merged into the next one (a rate over a few ms is noise). */
    private static final long MINIMUM_INTERVAL_NANOS = 200_000_000L;

    private long lastBytes;
    private long lastNanos;
    private double bytesPerSecond = -1;
    private boolean started;

    /** Starts measuring at bytes, now. */
    void start(long bytes, long nanos) {
        lastBytes = bytes;
        lastNanos = nanos;
        bytesPerSecond = -1;
        started = true;
    }

    void sample(long bytes, long nanos) {
        if (!started) {
            start(bytes, nanos);
            return;
        }
        long elapsed = nanos - lastNanos;
        if (elapsed < MINIMUM_INTERVAL_NANOS) {
            return;
        }
        double seconds = elapsed / 1e9;
        double instant = Math.max(0, bytes - lastBytes) / seconds;
        if (bytesPerSecond < 0) {
            bytesPerSecond = instant;
        } else {
            double weight = 1 - Math.exp(-seconds / TIME_CONSTANT_SECONDS);
            bytesPerSecond += weight * (instant - bytesPerSecond);
        }
        lastBytes = bytes;
        lastNanos = nanos;
    }

    /** Bytes per second, or -1 before there is a measurement. */
    double bytesPerSecond() {
        return bytesPerSecond;
    }
}
