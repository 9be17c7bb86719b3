package dev.kompose.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Expands Docker Compose style variable references in a piece of text. Nothing is ever executed:
 * the only thing a reference can do is read a variable through the lookup function.
 *
 * <table>
 *   <caption>Supported forms</caption>
 *   <tr><td>{@code $VAR}, {@code ${VAR}}</td><td>the value, or empty if unset</td></tr>
 *   <tr><td>{@code ${VAR:-default}}</td><td>default if VAR is unset or empty</td></tr>
 *   <tr><td>{@code ${VAR-default}}</td><td>default if VAR is unset</td></tr>
 *   <tr><td>{@code ${VAR:+alternative}}</td><td>alternative if VAR is set and not empty, else empty</td></tr>
 *   <tr><td>{@code ${VAR+alternative}}</td><td>alternative if VAR is set, else empty</td></tr>
 *   <tr><td>{@code ${VAR:?message}}</td><td>a problem if VAR is unset or empty</td></tr>
 *   <tr><td>{@code ${VAR?message}}</td><td>a problem if VAR is unset</td></tr>
 *   <tr><td>{@code $$}</td><td>a literal {@code $}</td></tr>
 * </table>
 *
 * <p>Defaults and alternatives may themselves contain references, e.g. {@code ${A:-${B}}}; they
 * are only expanded when used. A {@code $} followed by anything else (such as {@code $(} or a
 * digit) is kept literally. Names in {@code $VAR} are {@code [A-Za-z_][A-Za-z0-9_]*}; names in
 * braces may also contain dots. Problems never throw: they are collected in the {@link Result}.
 */
public final class Interpolator {

    /** How deeply defaults and alternatives may nest references inside each other. */
    public static final int MAXIMUM_NESTING = 32;

    /**
     * The expanded text and any problems found.
     *
     * @param value    the expanded text; problem references expand to nothing
     * @param problems messages describing invalid or failed references, empty when all went well
     */
    public record Result(String value, List<String> problems) {

        /** Validates the components and copies the problem list. */
        public Result {
            Objects.requireNonNull(value, "value");
            problems = List.copyOf(problems);
        }
    }

    private final Function<String, String> lookup;
    private final List<String> problems = new ArrayList<>();

    private Interpolator(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /**
     * Expands the references in text.
     *
     * @param text   the text to expand
     * @param lookup returns a variable's value, or {@code null} if it is unset
     * @return the expanded text and the problems found
     */
    public static Result interpolate(String text, Function<String, String> lookup) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lookup, "lookup");
        Interpolator interpolator = new Interpolator(lookup);
        String value = interpolator.expand(text, 0);
        return new Result(value, interpolator.problems);
    }

    private String expand(String text, int depth) {
        StringBuilder expanded = new StringBuilder(text.length());
        int position = 0;
        while (position < text.length()) {
            int dollar = text.indexOf('$', position);
            if (dollar < 0 || dollar == text.length() - 1) {
                expanded.append(text, position, text.length());
                break;
            }
            expanded.append(text, position, dollar);
            char next = text.charAt(dollar + 1);
            if (next == '$') {
                expanded.append('$');
                position = dollar + 2;
            } else if (next == '{') {
                int closingBrace = findClosingBrace(text, dollar + 2);
                if (closingBrace < 0) {
                    problems.add("missing closing \"}\" in " + QuotedText.quote(text.substring(dollar)));
                    expanded.append(text, dollar, text.length());
                    break;
                }
                expanded.append(substitute(text.substring(dollar + 2, closingBrace), depth));
                position = closingBrace + 1;
            } else if (isNameStart(next)) {
                int end = dollar + 2;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                expanded.append(Objects.requireNonNullElse(lookup.apply(text.substring(dollar + 1, end)), ""));
                position = end;
            } else {
                expanded.append('$');
                position = dollar + 1;
            }
        }
        return expanded.toString();
    }

    /** Finds the brace closing a {@code ${} whose body starts at from, skipping nested references. */
    private static int findClosingBrace(String text, int from) {
        int open = 1;
        int index = from;
        while (index < text.length()) {
            char character = text.charAt(index);
            if (character == '$' && index + 1 < text.length()) {
                char next = text.charAt(index + 1);
                if (next == '$' || next == '{') {
                    open += next == '{' ? 1 : 0;
                    index += 2;
                    continue;
                }
            } else if (character == '}' && --open == 0) {
                return index;
            }
            index++;
        }
        return -1;
    }

    /** Expands the body of one {@code ${...}} reference. */
    private String substitute(String body, int depth) {
        int nameEnd = 0;
        if (!body.isEmpty() && isNameStart(body.charAt(0))) {
            nameEnd = 1;
            while (nameEnd < body.length() && (isNamePart(body.charAt(nameEnd)) || body.charAt(nameEnd) == '.')) {
                nameEnd++;
            }
        }
        String name = body.substring(0, nameEnd);
        String rest = body.substring(nameEnd);
        if (name.isEmpty()) {
            return invalid(body);
        }
        String value = lookup.apply(name);
        if (rest.isEmpty()) {
            return Objects.requireNonNullElse(value, "");
        }
        boolean colon = rest.startsWith(":");
        String operatorAndOperand = colon ? rest.substring(1) : rest;
        if (operatorAndOperand.isEmpty()) {
            return invalid(body);
        }
        char operator = operatorAndOperand.charAt(0);
        String operand = operatorAndOperand.substring(1);
        boolean present = colon ? value != null && !value.isEmpty() : value != null;
        switch (operator) {
            case '-':
                return present ? value : expandNested(operand, depth);
            case '+':
                return present ? expandNested(operand, depth) : "";
            case '?':
                if (present) {
                    return value;
                }
                problems.add("required variable " + name + " is missing a value"
                        + (operand.isEmpty() ? "" : ": " + QuotedText.escape(operand)));
                return "";
            default:
                return invalid(body);
        }
    }

    private String expandNested(String text, int depth) {
        if (depth + 1 > MAXIMUM_NESTING) {
            problems.add("references nested more than " + MAXIMUM_NESTING + " deep");
            return "";
        }
        return expand(text, depth + 1);
    }

    private String invalid(String body) {
        problems.add("invalid substitution " + QuotedText.quote("${" + body + "}"));
        return "";
    }

    private static boolean isNameStart(char character) {
        return character == '_' || (character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z');
    }

    private static boolean isNamePart(char character) {
        return isNameStart(character) || (character >= '0' && character <= '9');
    }
}
