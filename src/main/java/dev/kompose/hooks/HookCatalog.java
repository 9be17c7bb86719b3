package dev.kompose.hooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hook functions a stack's hooks.sh defines, found by reading the file, never by running it:
 * listing hooks, planning and dry-run must not execute anything. A definition is a line of the
 * form {@code hook_x() {}, {@code function hook_x {} or {@code function hook_x() {}.
 * The function text is kept for the step prompt.
 */
public final class HookCatalog {
    public static final String PREFIX = "hook_";
    private static final Pattern DEFINITION = Pattern.compile(
            "^[ \\t]*(?:function[ \\t]+(hook_[A-Za-z0-9_]+)[ \\t]*(?:\\([ \\t]*\\))?|(hook_[A-Za-z0-9_]+)[ \\t]*\\([ \\t]*\\))",
            Pattern.MULTILINE);

    private final Path file;
    private final Map<String, String> functionTexts;

    private HookCatalog(Path file, Map<String, String> functionTexts) {
        this.file = file;
        this.functionTexts = functionTexts;
    }

    public static HookCatalog none() {
        return new HookCatalog(null, Map.of());
    }

    /** Reads a hooks.sh; a missing file defines no hooks. */
    public static HookCatalog read(Path hooksFile) throws IOException {
        try {
            return parse(hooksFile, Files.readString(hooksFile, StandardCharsets.UTF_8));
        } catch (NoSuchFileException missing) {
            return none();
        }
    }

    public static HookCatalog parse(Path hooksFile, String text) {
        Map<String, String> functions = new LinkedHashMap<>();
        Matcher matcher = DEFINITION.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            functions.put(name, functionText(text, matcher.start()));
        }
        return new HookCatalog(hooksFile, Collections.unmodifiableMap(functions));
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Function names as defined, e.g. hook_pre_db_export. */
    public Set<String> functionNames() {
        return functionTexts.keySet();
    }

    public boolean defines(String functionName) {
        return functionTexts.containsKey(functionName);
    }

    /** The function's source text as written in hooks.sh, from its name to its closing brace. */
    public Optional<String> functionText(String functionName) {
        return Optional.ofNullable(functionTexts.get(functionName));
    }

    /** Cuts the function definition starting at offset: up to the brace that closes its body. */
    private static String functionText(String text, int start) {
        int depth = 0;
        boolean opened = false;
        char quote = 0;
        for (int index = start; index < text.length(); index++) {
            char character = text.charAt(index);
            if (quote != 0) {
                if (character == '\\' && quote == '"') {
                    index++;
                } else if (character == quote) {
                    quote = 0;
                }
                continue;
            }
            if (character == '#' && (index == 0 || Character.isWhitespace(text.charAt(index - 1)))) {
                int lineEnd = text.indexOf('\n', index);
                index = lineEnd < 0 ? text.length() : lineEnd;
                continue;
            }
            if (character == '\'' || character == '"') {
                quote = character;
            } else if (character == '\\') {
                index++;
            } else if (character == '{') {
                depth++;
                opened = true;
            } else if (character == '}') {
                depth--;
                if (opened && depth == 0) {
                    return text.substring(start, index + 1).strip();
                }
            }
        }
        int lineEnd = text.indexOf('\n', start);
        return text.substring(start, lineEnd < 0 ? text.length() : lineEnd).strip();
    }
}
