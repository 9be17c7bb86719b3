package dev.kompose.stack;

/**
 * The backslash escapes Docker Compose understands inside a double-quoted {@code .env} value:
 * {@code \a \b \f \n \r \t \v \\ \"}, {@code \$} (a literal dollar sign: it becomes {@code $$} for
 * the {@link Interpolator}), and octal {@code \0ddd} (exactly three octal digits after the
 * {@code \0}, at most 377). Every other backslash, {@code \c} and an octal escape that is too
 * short, too long or not octal are kept as typed.
 */
final class DoubleQuotedEscapes {

    private static final int OCTAL_DIGITS = 3;
    private static final int LARGEST_OCTAL_VALUE = 0377;

    private DoubleQuotedEscapes() {
    }

    /**
     * Applies the escapes.
     *
     * @param text the value between the quotes, with escaped double quotes already unescaped
     * @return the text with escapes replaced, ready for interpolation
     */
    static String apply(String text) {
        StringBuilder result = new StringBuilder(text.length());
        int index = 0;
        while (index < text.length()) {
            char character = text.charAt(index);
            if (character != '\\' || index + 1 >= text.length()) {
                result.append(character);
                index++;
                continue;
            }
            char escaped = text.charAt(index + 1);
            String replacement = simpleEscape(escaped);
            if (replacement != null) {
                result.append(replacement);
                index += 2;
            } else if (escaped == '0') {
                index = appendOctal(text, index, result);
            } else {
                result.append('\\'); // not an escape: the backslash stays and the next character is read on its own
                index++;
            }
        }
        return result.toString();
    }

    private static String simpleEscape(char escaped) {
        return switch (escaped) {
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'c' -> "\\c";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'v' -> "\u000B";
            case '"' -> "\"";
            case '\\' -> "\\";
            case '$' -> "$$";
            default -> null;
        };
    }

    /** Reads {@code \0} and up to three digits at index; appends the character or the text as typed. */
    private static int appendOctal(String text, int index, StringBuilder result) {
        int digitsStart = index + 2;
        int digitsEnd = digitsStart;
        while (digitsEnd < text.length() && digitsEnd - digitsStart < OCTAL_DIGITS
                && text.charAt(digitsEnd) >= '0' && text.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        String digits = text.substring(digitsStart, digitsEnd);
        if (digits.length() == OCTAL_DIGITS && digits.chars().allMatch(digit -> digit <= '7')
                && Integer.parseInt(digits, 8) <= LARGEST_OCTAL_VALUE) {
            result.append((char) Integer.parseInt(digits, 8));
        } else {
            result.append(text, index, digitsEnd);
        }
        return digitsEnd;
    }
}
