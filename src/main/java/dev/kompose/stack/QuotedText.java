package dev.kompose.stack;

/**
 * Renders untrusted text for problem messages: in double quotes, cut to a readable length, with
 * control and invisible formatting characters (NUL, newline, bidirectional overrides...) escaped
 * so a message can never hide or rewrite what is on the user's terminal.
 */
final class QuotedText {

    /** How many code points of the original text a quotation keeps. */
    static final int MAXIMUM_CODE_POINTS = 60;

    private QuotedText() {
    }

    /**
     * Quotes text for a message.
     *
     * @param text the untrusted text
     * @return the text in double quotes, escaped, with {@code ...} appended if it was cut
     */
    static String quote(String text) {
        return "\"" + escapeCharacters(text, true) + "\"" + (isCut(text) ? "..." : "");
    }

    /**
     * Escapes text for a message without surrounding quotes, cut like {@link #quote(String)}.
     *
     * @param text the untrusted text
     * @return the escaped text, with {@code ...} appended if it was cut
     */
    static String escape(String text) {
        return escapeCharacters(text, false) + (isCut(text) ? "..." : "");
    }

    private static boolean isCut(String text) {
        return text.codePointCount(0, text.length()) > MAXIMUM_CODE_POINTS;
    }

    private static String escapeCharacters(String text, boolean escapeDoubleQuotes) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().limit(MAXIMUM_CODE_POINTS).forEach(codePoint -> {
            if (codePoint == '"' && !escapeDoubleQuotes) {
                escaped.append('"');
            } else {
                appendEscaped(escaped, codePoint);
            }
        });
        return escaped.toString();
    }

    private static void appendEscaped(StringBuilder quoted, int codePoint) {
        switch (codePoint) {
            case '\n' -> quoted.append("\\n");
            case '\r' -> quoted.append("\\r");
            case '\t' -> quoted.append("\\t");
            case '\0' -> quoted.append("\\0");
            case '"' -> quoted.append("\\\"");
            case '\\' -> quoted.append("\\\\");
            default -> {
                if (isInvisible(codePoint)) {
                    quoted.append(String.format("\\u%04x", codePoint));
                } else {
                    quoted.appendCodePoint(codePoint);
                }
            }
        }
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED;
    }
}
