package dev.kompose.progress;

import java.util.Locale;
import java.util.Map;

/**
 * {@code --progress auto|panel|plain|none|json}: how db:export and db:import show their progress.
 * AUTO means the panel where one can open safely, plain lines elsewhere.
 */
public enum ProgressMode {
    AUTO,
    PANEL,
    PLAIN,
    NONE,
    /** Run events as JSON Lines on standard error (render/ProgressJsonLines), for every run. */
    JSON;

    public static ProgressMode parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("Invalid progress mode: " + text + " (expected auto, panel, plain, none or json)");
        }
    }

    /**
     * Whether a full-screen panel may open (measured: Lanterna ignores TERM=dumb, needs /dev/tty,
     * and waits seconds for a size it never gets without a terminal): a console on both ends,
     * TERM set and not dumb, a known width, and not under CI.
     */
    public static boolean panelPossible(boolean console, Map<String, String> environment, int terminalWidth) {
        String term = environment.getOrDefault("TERM", "");
        return console && !term.isEmpty() && !term.startsWith("dumb") && terminalWidth > 0
                && !environment.containsKey("CI");
    }

    /** The mode to use: AUTO and PANEL become PLAIN where the panel cannot open. */
    public ProgressMode resolve(boolean panelPossible) {
        return switch (this) {
            case AUTO, PANEL -> panelPossible ? PANEL : PLAIN;
            default -> this;
        };
    }
}
