package dev.kompose.stack;

/**
 * The character classes Docker Compose (written in Go) uses when it reads a {@code .env} file,
 * which differ from Java's {@link Character#isWhitespace(int)}.
 */
final class GoText {

    private static final int NEXT_LINE = 0x85;
    private static final int NO_BREAK_SPACE = 0xA0;

    private GoText() {
    }

    /** Go's {@code unicode.IsSpace}: ASCII blanks and line breaks, NEL, and Unicode's White_Space separators. */
    static boolean isSpace(int codePoint) {
        return (codePoint >= '\t' && codePoint <= '\r') || codePoint == ' ' || codePoint == NEXT_LINE
                || Character.isSpaceChar(codePoint);
    }

    /** The blanks Compose skips around keys and before values: tab, VT, FF, CR, space, NEL, NBSP (not a newline). */
    static boolean isBlank(int codePoint) {
        return codePoint == '\t' || codePoint == 0x0B || codePoint == '\f' || codePoint == '\r' || codePoint == ' '
                || codePoint == NEXT_LINE || codePoint == NO_BREAK_SPACE;
    }

    /** A character Compose accepts in a key: a letter or number of any script, {@code _ . - [ ]}. */
    static boolean isKeyCharacter(int codePoint) {
        return Character.isLetter(codePoint) || isNumber(codePoint) || "_.-[]".indexOf(codePoint) >= 0;
    }

    /** Go's {@code unicode.IsNumber}: decimal digits, letter numbers and other numbers. */
    private static boolean isNumber(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Removes trailing Go spaces. */
    static String stripTrailingSpace(String text) {
        int end = text.length();
        while (end > 0) {
            int codePoint = text.codePointBefore(end);
            if (!isSpace(codePoint)) {
                break;
            }
            end -= Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}
