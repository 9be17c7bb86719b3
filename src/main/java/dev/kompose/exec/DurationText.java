package dev.kompose.exec;

import java.time.Duration;

/** Formats and parses durations the way operators write them: 90s, 10m, 1h30m, 1.5s, 2d. */
public final class DurationText {
    private DurationText() {
    }

    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long rest = seconds % 60;
        return (hours > 0 ? hours + "h" : "") + (minutes > 0 ? minutes + "m" : "") + (rest > 0 ? rest + "s" : "");
    }

    /** Parses "500ms", "30s", "10m", "2h", "1h30m", "2d", or a bare number of seconds. */
    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        java.util.regex.Matcher part = java.util.regex.Pattern.compile("(\\d+)(ms|d|h|m|s)").matcher(value);
        Duration total = Duration.ZERO;
        int position = 0;
        while (part.find() && part.start() == position) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofHours(amount);
            });
            position = part.end();
        }
        if (position != value.length() || value.isEmpty()) {
            throw new IllegalArgumentException("Invalid duration: " + text + " (expected e.g. 30s, 10m, 1h30m, 2d)");
        }
        return total;
    }
}
