package dev.kompose.progress;

import dev.kompose.db.ByteCounts;
import java.time.Duration;
import java.util.Locale;

/** Progress figures as text, shared by the plain lines and the panel: 42%, 1.2 GB, 85.0 MB/s, 1:05. */
public final class ProgressText {
    private ProgressText() {
    }

    public static String percent(int percent) {
        return percent < 0 ? "?%" : percent + "%";
    }

    public static String bytes(long bytes) {
        return bytes < 0 ? "?" : ByteCounts.format(bytes);
    }

    /** "210 MB / 500 MB", or "210 MB" when the total is unknown. */
    public static String bytesOf(long done, long expected) {
        return expected < 0 ? bytes(done) : bytes(done) + " / " + bytes(expected);
    }

    public static String rate(double bytesPerSecond) {
        return bytesPerSecond < 0 ? "-" : ByteCounts.format(Math.round(bytesPerSecond)) + "/s";
    }

    /** m:ss, or h:mm:ss from an hour on; "-" when unknown. */
    public static String eta(java.util.Optional<Duration> eta) {
        if (eta.isEmpty()) {
            return "-";
        }
        long seconds = Math.max(0, eta.get().toSeconds());
        long hours = seconds / 3600;
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", hours, (seconds % 3600) / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** A bar of width cells: '#' done, '.' to do; blank when the percentage is unknown. */
    public static String bar(int percent, int width) {
        if (width <= 0) {
            return "";
        }
        if (percent < 0) {
            return " ".repeat(width);
        }
        int filled = (int) ((long) Math.min(100, percent) * width / 100);
        return "#".repeat(filled) + ".".repeat(width - filled);
    }
}
