package dev.kompose.exec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives the processes kompose starts the locale of whoever started kompose. The launcher
 * ({@code launcher/utf8-locale.sh}) runs the JVM in a UTF-8 locale when the caller's is not
 * UTF-8, so the JVM reads and passes on every value byte for byte, and records the caller's
 * {@code LC_ALL} and {@code LC_CTYPE} in {@value #RESTORE_VARIABLE} as
 * {@code "LC_ALL=<value> LC_CTYPE=<value>"} (empty means unset). Children get those back, and
 * never see the record itself.
 */
public final class CallerLocale {
    /** The variable the launcher sets when it changed the JVM's locale. */
    public static final String RESTORE_VARIABLE = "KOMPOSE_LOCALE_RESTORE";

    private final Map<String, String> restore;

    private CallerLocale(Map<String, String> restore) {
        this.restore = restore;
    }

    /**
     * Reads the launcher's record from an environment.
     *
     * @param environment the JVM's environment
     * @return what children need put back; nothing when the launcher changed nothing
     */
    public static CallerLocale from(Map<String, String> environment) {
        String record = environment.get(RESTORE_VARIABLE);
        Map<String, String> restore = new LinkedHashMap<>();
        if (record == null) {
            return new CallerLocale(restore);
        }
        restore.put(RESTORE_VARIABLE, null);
        for (String assignment : record.trim().split(" +")) {
            int equals = assignment.indexOf('=');
            if (equals > 0 && assignment.startsWith("LC_")) {
                String value = assignment.substring(equals + 1);
                restore.put(assignment.substring(0, equals), value.isEmpty() ? null : value);
            }
        }
        return new CallerLocale(restore);
    }

    /**
     * The environment changes for one child: the caller's locale back (a {@code null} value removes
     * a variable), then the child's own variables, which win (a stack's .env may set LC_ALL).
     *
     * @param childVariables the variables kompose sets for the child
     * @return the changes to apply over the JVM's environment
     */
    public Map<String, String> forChild(Map<String, String> childVariables) {
        Map<String, String> changes = new LinkedHashMap<>(restore);
        changes.putAll(childVariables);
        return changes;
    }
}
