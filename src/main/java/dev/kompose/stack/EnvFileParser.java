package dev.kompose.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses Docker Compose {@code .env} files.
 *
 * <p>Each line is blank, a comment ({@code #} as its first non-blank character) or a statement
 * {@code [export] KEY=VALUE}. Whitespace around the key and the {@code =} is ignored. Keys must
 * match {@code [A-Za-z_][A-Za-z0-9_.-]*}. Values are:
 * <ul>
 *   <li>unquoted: trailing whitespace is removed, whitespace followed by {@code #} starts a
 *       comment, and variable references are expanded;</li>
 *   <li>single-quoted: taken literally, on one line;</li>
 *   <li>double-quoted: may span lines; {@code \n \t \r \\ \" \$} are escapes (other backslashes are
 *       kept), then variable references are expanded.</li>
 * </ul>
 * References are expanded by {@link Interpolator}, looking up keys defined earlier in the same
 * file first, then the caller's lookup; unset variables expand to nothing.
 *
 * <p>Nothing is ever executed: {@code $(...)} and backticks are plain text. Bad content never
 * throws. Each malformed statement yields an {@link EnvProblem} naming the line where the
 * statement starts (or, for text after a closing quote, that line), defines no variable, and
 * parsing resumes on the following line. Values may not contain NUL. Line breaks
 * are {@code \n}, {@code \r\n} or a lone {@code \r}; a byte order mark at the start is ignored.
 */
public final class EnvFileParser {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final String EXPORT = "export";

    private final Path source;
    private final List<String> lines;
    private final Function<String, String> earlierLayers;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<EnvProblem> problems = new ArrayList<>();
    /** Index in {@link #lines} of the next line to read. */
    private int nextLine;

    /** A value as written, before interpolation, or the reason it could not be read. */
    private record RawValue(String text, boolean interpolated, String problem, int problemLine) {

        static RawValue of(String text, boolean interpolated) {
            return new RawValue(text, interpolated, null, 0);
        }

        static RawValue problem(String problem, int problemLine) {
            return new RawValue(null, false, problem, problemLine);
        }
    }

    private EnvFileParser(Path source, List<String> lines, Function<String, String> earlierLayers) {
        this.source = source;
        this.lines = lines;
        this.earlierLayers = earlierLayers;
    }

    /**
     * Parses text read from source.
     *
     * @param source the file the text came from, used in problems
     * @param text   the content of the file
     * @param lookup supplies earlier environment layers for interpolation: returns a variable's
     *               value, or {@code null} if it is unset; {@code null} means no earlier layers
     * @return the values defined and the problems found; never throws on bad content
     */
    public static EnvFile parse(Path source, String text, Function<String, String> lookup) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        String withoutByteOrderMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
        EnvFileParser parser = new EnvFileParser(source, withoutByteOrderMark.lines().toList(),
                lookup == null ? name -> null : lookup);
        parser.parseAllLines();
        return new EnvFile(source, parser.values, parser.problems);
    }

    /**
     * Reads and parses a file as UTF-8. A missing file gives {@link EnvFile#empty(Path)}; a file
     * that cannot be read or is not valid UTF-8 gives no values and one problem at line 1.
     *
     * @param file   the file to read
     * @param lookup supplies earlier environment layers, as for {@link #parse(Path, String, Function)}
     * @return the values defined and the problems found; never throws on bad content
     */
    public static EnvFile read(Path file, Function<String, String> lookup) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            return EnvFile.empty(file);
        } catch (AccessDeniedException denied) {
            return unreadable(file, "cannot read file: permission denied");
        } catch (IOException | SecurityException failure) {
            return unreadable(file, "cannot read file: " + failure.getMessage());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        CharBuffer output = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(input, output, true);
        if (!result.isError()) {
            result = decoder.flush(output);
        }
        if (result.isError()) {
            int offset = input.position();
            long line = 1;
            for (int index = 0; index < offset; index++) {
                line += bytes[index] == '\n' ? 1 : 0;
            }
            return unreadable(file, "file is not valid UTF-8: malformed byte sequence at byte offset "
                    + offset + " (line " + line + ")");
        }
        return parse(file, output.flip().toString(), lookup);
    }

    private static EnvFile unreadable(Path file, String message) {
        return new EnvFile(file, Map.of(), List.of(new EnvProblem(file, 1, message)));
    }

    private void parseAllLines() {
        while (nextLine < lines.size()) {
            int lineNumber = nextLine + 1;
            parseStatement(lines.get(nextLine++), lineNumber);
        }
    }

    private void parseStatement(String line, int lineNumber) {
        String statement = line.stripLeading();
        if (statement.isEmpty() || statement.startsWith("#")) {
            return;
        }
        int equals = statement.indexOf('=');
        if (equals < 0) {
            addProblem(lineNumber, "expected KEY=VALUE, found " + QuotedText.quote(statement.stripTrailing()));
            return;
        }
        String key = withoutExport(statement.substring(0, equals).strip());
        // Read the value even when the key is bad, so a multi-line value is skipped as a whole.
        RawValue rawValue = readValue(statement.substring(equals + 1), lineNumber);
        if (key.isEmpty()) {
            addProblem(lineNumber, "missing key before \"=\", found " + QuotedText.quote(statement.stripTrailing()));
            return;
        }
        if (!KEY.matcher(key).matches()) {
            addProblem(lineNumber, "invalid key name " + QuotedText.quote(key)
                    + " (a key must match " + KEY.pattern() + ")");
            return;
        }
        if (rawValue.problem() != null) {
            addProblem(rawValue.problemLine(), rawValue.problem());
            return;
        }
        String value = rawValue.text();
        if (rawValue.interpolated()) {
            Interpolator.Result result = Interpolator.interpolate(value, this::lookup);
            result.problems().forEach(problem -> addProblem(lineNumber, "in value of " + key + ": " + problem));
            if (!result.problems().isEmpty()) {
                return;
            }
            value = result.value();
        }
        if (value.indexOf('\0') >= 0) {
            addProblem(lineNumber, "value of " + key + " contains a NUL character, which environment variables cannot hold");
            return;
        }
        values.put(key, value);
    }

    private static String withoutExport(String keyPart) {
        if (keyPart.startsWith(EXPORT) && keyPart.length() > EXPORT.length()
                && Character.isWhitespace(keyPart.charAt(EXPORT.length()))) {
            return keyPart.substring(EXPORT.length()).strip();
        }
        return keyPart;
    }

    private String lookup(String name) {
        return values.containsKey(name) ? values.get(name) : earlierLayers.apply(name);
    }

    /** Reads the value after the {@code =}; may consume further lines for a multi-line value. */
    private RawValue readValue(String afterEquals, int lineNumber) {
        String value = afterEquals.stripLeading();
        if (value.startsWith("'")) {
            int closingQuote = value.indexOf('\'', 1);
            if (closingQuote < 0) {
                return RawValue.problem("unterminated single-quoted value " + QuotedText.quote(value.stripTrailing())
                        + " (single-quoted values must close on the same line)", lineNumber);
            }
            return afterClosingQuote(value.substring(1, closingQuote), false,
                    value.substring(closingQuote + 1), lineNumber, lineNumber);
        }
        if (value.startsWith("\"")) {
            return readDoubleQuoted(value, lineNumber);
        }
        int comment = inlineCommentStart(afterEquals);
        String withoutComment = comment < 0 ? afterEquals : afterEquals.substring(0, comment);
        return RawValue.of(withoutComment.strip(), true);
    }

    /** Finds a {@code #} preceded by whitespace, or returns -1. */
    private static int inlineCommentStart(String value) {
        for (int index = value.indexOf('#'); index >= 0; index = value.indexOf('#', index + 1)) {
            if (index > 0 && Character.isWhitespace(value.charAt(index - 1))) {
                return index;
            }
        }
        return -1;
    }

    private RawValue readDoubleQuoted(String value, int startLineNumber) {
        StringBuilder content = new StringBuilder();
        String current = value;
        int index = 1;
        int currentLineNumber = startLineNumber;
        while (true) {
            while (index < current.length()) {
                char character = current.charAt(index);
                if (character == '\\' && index + 1 < current.length()) {
                    appendEscape(content, current.charAt(index + 1));
                    index += 2;
                } else if (character == '"') {
                    return afterClosingQuote(content.toString(), true, current.substring(index + 1),
                            startLineNumber, currentLineNumber);
                } else {
                    content.append(character);
                    index++;
                }
            }
            if (nextLine >= lines.size()) {
                nextLine = startLineNumber; // resume on the line after the opening quote
                return RawValue.problem("unterminated double-quoted value " + QuotedText.quote(value.stripTrailing())
                        + " (no closing quote before the end of the file)", startLineNumber);
            }
            content.append('\n');
            current = lines.get(nextLine++);
            currentLineNumber++;
            index = 0;
        }
    }

    /**
     * Turns one backslash escape into text for the interpolator: {@code \$} becomes {@code $$},
     * which the interpolator turns into a literal dollar sign.
     */
    private static void appendEscape(StringBuilder content, char escaped) {
        switch (escaped) {
            case 'n' -> content.append('\n');
            case 't' -> content.append('\t');
            case 'r' -> content.append('\r');
            case '\\' -> content.append('\\');
            case '"' -> content.append('"');
            case '$' -> content.append("$$");
            default -> content.append('\\').append(escaped);
        }
    }

    private static RawValue afterClosingQuote(String text, boolean interpolated, String rest,
            int startLineNumber, int closingLineNumber) {
        String trailing = rest.strip();
        if (!trailing.isEmpty() && !trailing.startsWith("#")) {
            String started = closingLineNumber == startLineNumber ? "" : " (value started on line " + startLineNumber + ")";
            return RawValue.problem("unexpected text after closing quote: " + QuotedText.quote(trailing) + started,
                    closingLineNumber);
        }
        return RawValue.of(text, interpolated);
    }

    private void addProblem(int lineNumber, String message) {
        problems.add(new EnvProblem(source, lineNumber, message));
    }
}
