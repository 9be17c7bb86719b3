package dev.kompose.exec;

import java.util.List;

/** Renders words the way a POSIX shell would need them typed, for display only (nothing is ever parsed by a shell). */
public final class ShellQuoting {
    /** Characters no POSIX shell treats specially (besides letters and digits). */
    private static final String SAFE_PUNCTUATION = "_@%+=:,./-";

    private ShellQuoting() {
    }

    public static String quote(String word) {
        if (isSafe(word)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            line.append(line.isEmpty() ? "" : " ").append(quote(word));
        }
        return line.toString();
    }

    /** Non-empty and only ASCII letters, digits and {@link #SAFE_PUNCTUATION} (a loop: dry runs quote SQL scripts of kilobytes per stack). */
    private static boolean isSafe(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int index = 0; index < word.length(); index++) {
            char character = word.charAt(index);
            boolean letterOrDigit = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
                    || (character >= '0' && character <= '9');
            if (!letterOrDigit && SAFE_PUNCTUATION.indexOf(character) < 0) {
                return false;
            }
        }
        return true;
    }
}
