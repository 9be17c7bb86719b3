package dev.kompose.shell;

import dev.kompose.stack.StackEnvironment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The shell's history, kept between sessions in the per-user state folder
 * ({@code $XDG_STATE_HOME/kompose/history}, by default {@code ~/.local/state/kompose/history}).
 * A line that assigns a secret ({@code set DB_PASSWORD=...}, {@code -e DB_PASSWORD=...}) is
 * never written to it.
 */
final class ShellHistory extends DefaultHistory {
    private static final Pattern ASSIGNMENT = Pattern.compile("(?:^|[\\s'\"])([A-Za-z_][A-Za-z0-9_]*)=");

    @Override
    public void add(Instant time, String line) {
        if (!assignsSecret(line)) {
            super.add(time, line);
        }
    }

    static boolean assignsSecret(String line) {
        Matcher matcher = ASSIGNMENT.matcher(line);
        while (matcher.find()) {
            if (StackEnvironment.isSecretName(matcher.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** Where the history file lives for this environment, or null when neither XDG_STATE_HOME nor HOME is set. */
    static Path file(Map<String, String> environment) {
        String state = environment.get("XDG_STATE_HOME");
        if (state != null && !state.isBlank() && Path.of(state).isAbsolute()) {
            return Path.of(state, "kompose", "history");
        }
        String home = environment.get("HOME");
        return home == null || home.isBlank() ? null : Path.of(home, ".local", "state", "kompose", "history");
    }
}
