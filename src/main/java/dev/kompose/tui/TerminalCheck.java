package dev.kompose.tui;

import dev.kompose.progress.ProgressMode;
import java.util.Map;

/** Whether the progress panel can open on this process's terminal (rules in {@link ProgressMode#panelPossible}). */
public final class TerminalCheck {
    private TerminalCheck() {
    }

    public static boolean panelPossible(Map<String, String> environment) {
        boolean console = System.console() != null;
        if (!ProgressMode.panelPossible(console, environment, 1)) {
            return false;
        }
        return ProgressMode.panelPossible(true, environment, width());
    }

    /** The terminal's width as JLine reads it, 0 when it cannot tell. */
    static int width() {
        try (org.jline.terminal.Terminal terminal = org.jline.terminal.TerminalBuilder.builder()
                .system(true).dumb(true).jansi(false).build()) {
            return Math.max(0, terminal.getWidth());
        } catch (java.io.IOException | RuntimeException unknown) {
            return 0;
        }
    }
}
