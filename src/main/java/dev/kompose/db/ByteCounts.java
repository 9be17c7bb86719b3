package dev.kompose.db;

import java.util.Locale;

/** Byte counts as operators read them: 512 B, 1.2 MB, 3.4 GB (powers of 1000, as ls -h --si and df -H). */
public final class ByteCounts {
    private ByteCounts() {
    }

    public static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
