package dev.kompose.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Expands variable references in a piece of text exactly as Docker Compose does in a {@code .env}
 * file. Nothing is ever executed: the only thing a reference can do is read a variable through
 * the lookup function.
 *
 * <table>
 *   <caption>Forms</caption>
 *   <tr><td>{@code $VAR}, {@code ${VAR}}</td><td>the value; unset gives empty text and a warning, as Compose warns</td></tr>
 *   <tr><td>{@code ${VAR:-default}}</td><td>default if VAR is unset or empty</td></tr>
 *   <tr><td>{@code ${VAR-default}}</td><td>default if VAR is unset</td></tr>
 *   <tr><td>{@code ${VAR:+alternative}}</td><td>alternative if VAR is set and not empty, else the value</td></tr>
 *   <tr><td>{@code ${VAR+alternative}}</td><td>alternative if VAR is set, else empty</td></tr>
 *   <tr><td>{@code ${VAR:?message}}</td><td>an error if VAR is unset or empty</td></tr>
 *   <tr><td>{@code ${VAR?message}}</td><td>an error if VAR is unset</td></tr>
 *   <tr><td>{@code $$}</td><td>a literal {@code $}</td></tr>
 * </table>
 *
 * <p>Compose's rules, including its less obvious ones:
 * <ul>
 *   <li>Names are {@code [A-Za-z_][A-Za-z0-9_]*} (no dots), plus the two characters Go's
 *       case-insensitive matching folds into that class: {@code ſ} (U+017F) and the Kelvin sign (U+212A).</li>
 *   <li>A reference with an operator ends at the brace that balances its opening one, counting every
 *       {@code &#123;} up to the last {@code &#125;} on the line (a {@code &#123;} also hides the character
 *       right after it), so {@code ${JSON:-{"a":1}}} is one reference.</li>
 *   <li>Defaults, alternatives and messages are expanded before the variable is looked at, so an
 *       error inside an unused default is still an error.</li>
 *   <li>{@code ${} followed by anything else is an error; a {@code $} followed by anything other
 *       than {@code $}, {@code &#123;} or a name (such as {@code $(} or a digit) is kept literally.</li>
 *   <li>{@code ${NAME[key]}} is kept as written (Compose keeps it when no named mapping is configured).</li>
 * </ul>
 * Problems never throw: they are collected in the {@link Result}.
 */
public final class Interpolator {

    /** How deeply defaults and alternatives may nest references inside each other (kompose's own limit). */
    public static final int MAXIMUM_NESTING = 32;

    private static final char LONG_S = '\u017F';
    private static final char KELVIN_SIGN = '\u212A';

    /**
     * The expanded text and what was found on the way.
     *
     * @param value    the expanded text; failed references expand to nothing
     * @param problems errors (Compose refuses the text), empty when all went well
     * @param warnings what Compose warns about (a variable that is not set), empty when none
     */
    public record Result(String value, List<String> problems, List<String> warnings) {

        /** Validates the components and copies the lists. */
        public Result {
            Objects.requireNonNull(value, "value");
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }

        /**
         * A result without warnings.
         *
         * @param value    the expanded text
         * @param problems the errors
         */
        public Result(String value, List<String> problems) {
            this(value, problems, List.of());
        }
    }

    private final Function<String, String> lookup;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private Interpolator(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /**
     * Expands the references in text.
     *
     * @param text   the text to expand
     * @param lookup returns a variable's value, or {@code null} if it is unset
     * @return the expanded text, the errors and the warnings
     */
    public static Result interpolate(String text, Function<String, String> lookup) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lookup, "lookup");
        Interpolator interpolator = new Interpolator(lookup);
        String value = interpolator.expand(text, 0);
        return new Result(value, interpolator.problems, interpolator.warnings);
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
            } else if (isNameStart(next)) {
                int end = nameEnd(text, dollar + 1);
                expanded.append(valueOrWarning(text.substring(dollar + 1, end)));
                position = end;
            } else if (next == '{') {
                position = expandBraced(text, dollar, expanded, depth);
            } else {
                expanded.append('$');
                position = dollar + 1;
            }
        }
        return expanded.toString();
    }

    /** Expands the {@code ${...}} starting at dollar into expanded; returns where to go on. */
    private int expandBraced(String text, int dollar, StringBuilder expanded, int depth) {
        int nameStart = dollar + 2;
        int nameEnd = nameStart < text.length() && isNameStart(text.charAt(nameStart)) ? nameEnd(text, nameStart) : nameStart;
        String name = text.substring(nameStart, nameEnd);
        if (name.isEmpty()) {
            return invalid(text, dollar, expanded);
        }
        if (nameEnd < text.length() && text.charAt(nameEnd) == '}') {
            expanded.append(valueOrWarning(name));
            return nameEnd + 1;
        }
        int operandStart = operandStart(text, nameEnd);
        boolean mapping = nameEnd < text.length() && text.charAt(nameEnd) == '[';
        if (operandStart < 0 && !mapping) {
            return invalid(text, dollar, expanded);
        }
        int lineEnd = text.indexOf('\n', nameEnd);
        int lastBrace = text.lastIndexOf('}', (lineEnd < 0 ? text.length() : lineEnd) - 1);
        int earliestEnd = mapping ? text.indexOf(']', nameEnd) : operandStart;
        if (lastBrace < 0 || earliestEnd < 0 || lastBrace < earliestEnd) {
            return invalid(text, dollar, expanded);
        }
        int balanced = balancedClosingBrace(text, dollar, lastBrace);
        int closing = balanced < 0 ? lastBrace : balanced;
        if (mapping) {
            expanded.append(text, dollar, closing + 1);
            return closing + 1;
        }
        expanded.append(substitute(name, text.substring(nameEnd, operandStart), text.substring(operandStart, closing), depth));
        return closing + 1;
    }

    /** Where the operand starts after an operator {@code - + ? :- :+ :?} at from, or -1 when there is none. */
    private static int operandStart(String text, int from) {
        int operator = from < text.length() && text.charAt(from) == ':' ? from + 1 : from;
        if (operator < text.length() && "-+?".indexOf(text.charAt(operator)) >= 0) {
            return operator + 1;
        }
        return -1;
    }

    /**
     * Compose's brace matching over text[from..to]: each closing brace closes one, each opening
     * brace opens one and hides the character after it. Returns the index that balances, or -1.
     */
    private static int balancedClosingBrace(String text, int from, int to) {
        int open = 0;
        for (int index = from; index <= to; index++) {
            char character = text.charAt(index);
            if (character == '}' && --open == 0) {
                return index;
            }
            if (character == '{') {
                open++;
                index++;
            }
        }
        return -1;
    }

    private String substitute(String name, String operator, String operand, int depth) {
        if (depth + 1 > MAXIMUM_NESTING) {
            problems.add("references nested more than " + MAXIMUM_NESTING + " deep");
            return "";
        }
        String expandedOperand = expand(operand, depth + 1);
        String value = lookup.apply(name);
        boolean colon = operator.startsWith(":");
        boolean present = colon ? value != null && !value.isEmpty() : value != null;
        switch (operator.charAt(operator.length() - 1)) {
            case '-':
                return present ? value : expandedOperand;
            case '+':
                return present ? expandedOperand : Objects.requireNonNullElse(value, "");
            default:
                if (present) {
                    return value;
                }
                problems.add("required variable " + name + " is missing a value"
                        + (expandedOperand.isEmpty() ? "" : ": " + QuotedText.escape(expandedOperand)));
                return "";
        }
    }

    private String valueOrWarning(String name) {
        String value = lookup.apply(name);
        if (value == null) {
            String warning = "variable " + name + " is not set, so it expands to nothing";
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
            return "";
        }
        return value;
    }

    /**
     * Records an invalid {@code ${...}} and goes on after its first closing brace on the line (it
     * expands to nothing), or, with no closing brace on the line, keeps the rest of the line as typed.
     */
    private int invalid(String text, int dollar, StringBuilder expanded) {
        int lineEnd = text.indexOf('\n', dollar);
        int end = lineEnd < 0 ? text.length() : lineEnd;
        int closing = text.indexOf('}', dollar);
        if (closing < 0 || closing > end) {
            problems.add("missing closing \"}\" in " + QuotedText.quote(text.substring(dollar, end)));
            expanded.append(text, dollar, end);
            return end;
        }
        problems.add("invalid substitution " + QuotedText.quote(text.substring(dollar, closing + 1)));
        return closing + 1;
    }

    private static int nameEnd(String text, int from) {
        int end = from + 1;
        while (end < text.length() && isNamePart(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isNameStart(char character) {
        return character == '_' || (character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z')
                || character == LONG_S || character == KELVIN_SIGN;
    }

    private static boolean isNamePart(char character) {
        return isNameStart(character) || (character >= '0' && character <= '9');
    }
}
