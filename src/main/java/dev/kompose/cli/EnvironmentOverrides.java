package dev.kompose.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses -e KEY=VALUE overrides, in order (a later one wins). */
public final class EnvironmentOverrides {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvironmentOverrides() {
    }

    public static Map<String, String> parse(List<String> assignments) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String assignment : assignments) {
            Map.Entry<String, String> entry = parseOne(assignment);
            overrides.put(entry.getKey(), entry.getValue());
        }
        return overrides;
    }

    /** One KEY=VALUE; the message names the input with its value hidden when the key looks secret. */
    public static Map.Entry<String, String> parseOne(String assignment) {
        int equals = assignment.indexOf('=');
        String key = equals < 0 ? "" : assignment.substring(0, equals);
        if (equals <= 0 || !KEY.matcher(key).matches() || assignment.indexOf('\0') >= 0) {
            throw new UsageException("Invalid environment variable format: " + shown(assignment)
                    + " (expected KEY=VALUE)");
        }
        return Map.entry(key, assignment.substring(equals + 1));
    }

    private static String shown(String assignment) {
        int equals = assignment.indexOf('=');
        String key = equals < 0 ? assignment : assignment.substring(0, equals);
        String printable = dev.kompose.stack.StackEnvironment.isSecretName(key) && equals >= 0 ? key + "=***" : assignment;
        printable = printable.replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
