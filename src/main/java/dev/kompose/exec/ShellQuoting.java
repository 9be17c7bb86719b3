package dev.kompose.exec;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Renders words the way a POSIX shell would need them typed, for display only (nothing is ever parsed by a shell). */
public final class ShellQuoting {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuoting() {
    }

    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> words) {
        return words.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }
}
