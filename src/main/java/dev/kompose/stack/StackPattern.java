package dev.kompose.stack;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A stack selection as operators write it: {@code *}, a glob ({@code blog*}, {@code ?ews}), or a
 * comma list of those ({@code auth, news,b*}); braces are plain characters, since the comma already lists alternatives. Every item must match at least one stack, so a typo
 * is reported instead of silently shrinking the selection.
 */
public final class StackPattern {
    private final String text;
    private final List<String> items;

    private StackPattern(String text, List<String> items) {
        this.text = text;
        this.items = items;
    }

    /** Parses a pattern; throws {@link PatternException} for an empty one. */
    public static StackPattern parse(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String trimmed = item.strip();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        if (items.isEmpty()) {
            throw new PatternException("Empty stack pattern \"" + text + "\": give a stack name, a glob such as 'blog*', or '*'");
        }
        return new StackPattern(text, List.copyOf(items));
    }

    public List<String> items() {
        return items;
    }

    /** The stack names the pattern lists, when none of its items is a glob (such stacks can be looked up without listing the root). */
    public Optional<List<String>> names() {
        return items.stream().anyMatch(StackPattern::isGlob) ? Optional.empty() : Optional.of(items);
    }

    /** The stacks this pattern selects, in stack (sorted) order, without duplicates. */
    public List<Stack> select(List<Stack> stacks) {
        // by position, not in a set of stacks: hashing records links their hashCode at run time (slow in a cold JVM)
        boolean[] selected = new boolean[stacks.size()];
        List<String> unmatched = new ArrayList<>();
        for (String item : items) {
            Predicate<String> matcher = matcher(item);
            boolean matched = false;
            for (int index = 0; index < selected.length; index++) {
                if (matcher.test(stacks.get(index).name())) {
                    selected[index] = true;
                    matched = true;
                }
            }
            if (!matched) {
                unmatched.add(item);
            }
        }
        if (!unmatched.isEmpty()) {
            throw new PatternException(noMatchMessage(unmatched, stacks));
        }
        List<Stack> chosen = new ArrayList<>();
        for (int index = 0; index < selected.length; index++) {
            if (selected[index]) {
                chosen.add(stacks.get(index));
            }
        }
        return List.copyOf(chosen);
    }

    /** True when the name matches one item of the pattern. */
    public boolean matches(String stackName) {
        return items.stream().anyMatch(item -> matcher(item).test(stackName));
    }

    private static Predicate<String> matcher(String item) {
        if (item.equals("*")) {
            return name -> true;
        }
        if (!isGlob(item)) {
            return item::equals;
        }
        try {
            // braces are literal: the comma already separates alternatives
            String glob = item.replace("{", "\\{").replace("}", "\\}");
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return name -> matcher.matches(Path.of(name));
        } catch (IllegalArgumentException badGlob) {
            String why = badGlob instanceof java.util.regex.PatternSyntaxException syntax ? syntax.getDescription()
                    : badGlob.getMessage();
            throw new PatternException("Invalid stack pattern \"" + item + "\": " + why);
        }
    }

    private static boolean isGlob(String item) {
        return item.chars().anyMatch(character -> "*?[".indexOf(character) >= 0);
    }

    private String noMatchMessage(List<String> unmatched, List<Stack> stacks) {
        String available = stacks.isEmpty() ? "(none: no subfolder of the root has a compose file)"
                : stacks.stream().map(Stack::name).collect(Collectors.joining(", "));
        String what = unmatched.size() == 1 ? "\"" + unmatched.get(0) + "\" matches no stack"
                : unmatched.stream().map(item -> "\"" + item + "\"").collect(Collectors.joining(", ")) + " match no stack";
        return "Stack pattern " + what + ". Available stacks: " + available;
    }

    @Override
    public String toString() {
        return text;
    }

    /** A pattern that cannot be used: empty, malformed, or matching no stack. */
    public static final class PatternException extends RuntimeException {
        public PatternException(String message) {
            super(message);
        }
    }
}
