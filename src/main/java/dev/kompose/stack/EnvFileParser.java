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

/**
 * Reads {@code .env} files exactly as Docker Compose does (compose-go's dotenv reader), with one
 * deliberate difference: references look at the file's own earlier values before the earlier
 * layers, because in kompose a {@code .env} wins over the process environment.
 *
 * <p>The file is a sequence of statements separated by blanks, newlines and comments ({@code #} as
 * the first non-blank character, to the end of the line). A statement is {@code [export ]KEY=VALUE},
 * {@code KEY: VALUE}, or a bare {@code KEY} alone on its line, which takes KEY's value from the
 * earlier layers (nothing when they do not set it). Keys are letters and numbers of any script and
 * {@code _ . - [ ]}; blanks around them are ignored. Values are:
 * <ul>
 *   <li>unquoted: to the end of the line, cut at the first space followed by {@code #}, trailing
 *       whitespace removed, then interpolated;</li>
 *   <li>single-quoted: literal, may span lines; {@code \'} is a quote, other backslashes stay;</li>
 *   <li>double-quoted: may span lines; {@code \"} is a quote, then {@link DoubleQuotedEscapes},
 *       then interpolation.</li>
 * </ul>
 * Text after a closing quote is the next statement, as in Compose. Only {@code \n} ends a line
 * ({@code \r} is a blank); a byte order mark at the start is ignored. References are expanded by
 * {@link Interpolator}.
 *
 * <p>Nothing is ever executed. Bad content never throws: what Compose rejects is an
 * {@link EnvProblem.Severity#ERROR error} naming the line (the file cannot be used), and reading
 * goes on with the next line so every error is reported; what Compose accepts but is probably a
 * mistake is a {@link EnvProblem.Severity#WARNING warning}. Values may not contain NUL, which no
 * environment variable can hold.
 */
public final class EnvFileParser {

    private static final String EXPORT = "export";

    private final Path source;
    private final String text;
    private final Function<String, String> earlierLayers;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<EnvProblem> problems = new ArrayList<>();
    /** Offset in {@link #text} of the next character to read. */
    private int position;
    /** Offsets of the line breaks, computed when a problem first needs a line number. */
    private int[] lineBreaks;

    private EnvFileParser(Path source, String text, Function<String, String> earlierLayers) {
        this.source = source;
        this.text = text;
        this.earlierLayers = earlierLayers;
    }

    /**
     * Parses text read from source.
     *
     * @param source the file the text came from, used in problems
     * @param text   the content of the file
     * @param lookup supplies earlier environment layers: returns a variable's value, or {@code null}
     *               if it is unset; {@code null} means no earlier layers
     * @return the values defined and the problems found; never throws on bad content
     */
    public static EnvFile parse(Path source, String text, Function<String, String> lookup) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        String withoutByteOrderMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
        EnvFileParser parser = new EnvFileParser(source, withoutByteOrderMark, lookup == null ? name -> null : lookup);
        parser.parseAll();
        return new EnvFile(source, parser.values, parser.problems);
    }

    /**
     * Reads and parses a file as UTF-8. A missing file gives {@link EnvFile#empty(Path)}; a file
     * that cannot be read or is not valid UTF-8 gives no values and one error at line 1.
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
            return unreadable(file, "file is not valid UTF-8: malformed byte sequence at byte offset " + offset
                    + " (line " + line + "); kompose passes values on as UTF-8 and cannot keep these bytes intact");
        }
        return parse(file, output.flip().toString(), lookup);
    }

    private static EnvFile unreadable(Path file, String message) {
        return new EnvFile(file, Map.of(), List.of(new EnvProblem(file, 1, message)));
    }

    private void parseAll() {
        while (skipBlanksAndComments()) {
            try {
                parseStatement();
            } catch (StatementError error) {
                problems.add(new EnvProblem(source, lineOf(error.offset), error.getMessage()));
                skipPastLineBreak(error.resumeFrom);
            }
        }
    }

    /** Skips whitespace, newlines and comment lines; returns false at the end of the text. */
    private boolean skipBlanksAndComments() {
        while (position < text.length()) {
            int codePoint = text.codePointAt(position);
            if (codePoint == '#') {
                int lineEnd = text.indexOf('\n', position);
                position = lineEnd < 0 ? text.length() : lineEnd + 1;
            } else if (GoText.isSpace(codePoint)) {
                position += Character.charCount(codePoint);
            } else {
                return true;
            }
        }
        return false;
    }

    private void parseStatement() {
        int statementStart = position;
        if (text.startsWith(EXPORT, position) && position + EXPORT.length() < text.length()
                && isRegexSpace(text.charAt(position + EXPORT.length()))) {
            position = skipBlanks(position + EXPORT.length());
        }
        int keyStart = position;
        int keyEnd = -1;
        char terminator = 0;
        while (position < text.length()) {
            int codePoint = text.codePointAt(position);
            if (codePoint == '=' || codePoint == ':' || codePoint == '\n') {
                keyEnd = position;
                terminator = (char) codePoint;
                position++;
                break;
            }
            if (!GoText.isBlank(codePoint) && !GoText.isKeyCharacter(codePoint)) {
                String message = "unexpected character " + QuotedText.quote(Character.toString(codePoint))
                        + " in variable name " + QuotedText.quote(lineText(statementStart));
                int badCharacter = position;
                discardValueAfterSeparator();
                throw new StatementError(message, badCharacter, Math.max(badCharacter, valueEnd()));
            }
            position += Character.charCount(codePoint);
        }
        if (keyEnd < 0) {
            // Compose reads a last line without "=" or line break as a value without a name, and drops it
            warn(statementStart, QuotedText.quote(lineText(statementStart)) + " on the last line has no \"=\" and no line"
                    + " break after it: Docker Compose ignores it (end the file with a line break to take it from the"
                    + " environment)");
            return;
        }
        String key = GoText.stripTrailingSpace(text.substring(keyStart, keyEnd));
        if (key.indexOf(' ') >= 0) {
            if (terminator != '\n') {
                position = keyEnd;
                discardValueAfterSeparator();
            }
            throw new StatementError("key cannot contain a space: " + QuotedText.quote(key), statementStart,
                    Math.max(keyEnd, valueEnd()));
        }
        if (key.codePoints().anyMatch(GoText::isBlank)) {
            warn(statementStart, "key " + QuotedText.quote(key) + " contains a blank character: Docker Compose"
                    + " keeps it as part of the name");
        }
        if (terminator == '\n') {
            inherit(key, statementStart);
            return;
        }
        position = skipBlanks(position);
        String value = readValue(key, statementStart);
        if (key.isEmpty()) {
            warn(statementStart, "no variable name before " + QuotedText.quote(String.valueOf(terminator))
                    + ": Docker Compose ignores this value");
            return;
        }
        if (value.indexOf('\0') >= 0) {
            throw new StatementError("value of " + key + " contains a NUL character, which environment variables"
                    + " cannot hold", statementStart, valueEnd());
        }
        values.put(key, value);
    }

    /** A bare {@code NAME}: its value comes from the earlier layers; nothing when they do not set it. */
    private void inherit(String key, int statementStart) {
        if (key.isEmpty()) {
            warn(statementStart, "\"export\" without a variable name");
            return;
        }
        String inherited = earlierLayers.apply(key);
        if (inherited != null) {
            values.put(key, inherited);
        }
    }

    private String readValue(String key, int statementStart) {
        if (position < text.length() && (text.charAt(position) == '\'' || text.charAt(position) == '"')) {
            char quote = text.charAt(position);
            String raw = readQuoted(quote);
            warnAboutTextAfterClosingQuote(statementStart);
            return quote == '"' ? interpolate(key, DoubleQuotedEscapes.apply(raw), statementStart) : raw;
        }
        int separatorEnd = position;
        int lineEnd = text.indexOf('\n', position);
        String line = text.substring(position, lineEnd < 0 ? text.length() : lineEnd);
        position = lineEnd < 0 ? text.length() : lineEnd + 1;
        int comment = line.indexOf(" #");
        String value = GoText.stripTrailingSpace(comment < 0 ? line : line.substring(0, comment));
        warnAboutUnquotedValue(key, value, separatorEnd, statementStart);
        return interpolate(key, value, statementStart);
    }

    /** Reads a quoted value starting at the opening quote; {@code \} followed by the quote is the quote. */
    private String readQuoted(char quote) {
        int openingQuote = position;
        StringBuilder content = new StringBuilder();
        int index = openingQuote + 1;
        while (index < text.length()) {
            char character = text.charAt(index);
            if (character == '\\' && index + 1 < text.length()) {
                char escaped = text.charAt(index + 1);
                if (escaped != quote) {
                    content.append('\\');
                }
                content.append(escaped);
                index += 2;
            } else if (character == quote) {
                position = index + 1;
                return content.toString();
            } else if (character == '\\') {
                break; // a backslash as the very last character escapes nothing and closes nothing
            } else {
                content.append(character);
                index++;
            }
        }
        String kind = quote == '"' ? "double" : "single";
        throw new StatementError("unterminated " + kind + "-quoted value " + QuotedText.quote(lineText(openingQuote))
                + " (no closing quote before the end of the file"
                + (quote == '\'' ? "; inside single quotes \\' is a quote, not the end" : "") + ")",
                openingQuote, openingQuote);
    }

    private void warnAboutTextAfterClosingQuote(int statementStart) {
        int next = skipBlanks(position);
        if (next < text.length() && text.charAt(next) != '\n' && text.charAt(next) != '#') {
            warn(statementStart, "text after the closing quote, " + QuotedText.quote(lineText(next))
                    + ", is read as another statement (as Docker Compose does)");
        }
    }

    private void warnAboutUnquotedValue(String key, String value, int separatorEnd, int statementStart) {
        boolean blankBeforeValue = separatorEnd > 0 && GoText.isBlank(text.charAt(separatorEnd - 1));
        if (value.startsWith("#") && blankBeforeValue) {
            warn(statementStart, "the value of " + key + " starts with \"#\": Docker Compose reads it as the value,"
                    + " not as a comment (leave the value empty with " + key + "=)");
        }
        for (int index = value.indexOf('#'); index > 0; index = value.indexOf('#', index + 1)) {
            if (GoText.isSpace(value.charAt(index - 1))) {
                warn(statementStart, "in the value of " + key + " only a space before \"#\" starts a comment:"
                        + " Docker Compose keeps " + QuotedText.quote(value.substring(index - 1)) + " in the value");
                break;
            }
        }
        if (value.indexOf('\r') >= 0) {
            warn(statementStart, "the value of " + key + " contains a carriage return that does not end a line:"
                    + " Docker Compose keeps it in the value");
        }
    }

    private String interpolate(String key, String value, int statementStart) {
        Interpolator.Result result = Interpolator.interpolate(value, this::lookup);
        result.warnings().forEach(warning -> warn(statementStart, "in value of " + key + ": " + warning));
        if (!result.problems().isEmpty()) {
            for (int index = 0; index < result.problems().size() - 1; index++) {
                problems.add(new EnvProblem(source, lineOf(statementStart), "in value of " + key + ": "
                        + result.problems().get(index)));
            }
            throw new StatementError("in value of " + key + ": " + result.problems().get(result.problems().size() - 1),
                    statementStart, valueEnd());
        }
        return result.value();
    }

    private String lookup(String name) {
        return values.containsKey(name) ? values.get(name) : earlierLayers.apply(name);
    }

    /**
     * After a bad key, reads past the value that follows the first {@code =} or {@code :} on the line
     * (it may span lines), so reading resumes after it; what the value holds is not reported.
     */
    private void discardValueAfterSeparator() {
        int lineEnd = text.indexOf('\n', position);
        int limit = lineEnd < 0 ? text.length() : lineEnd;
        for (int index = position; index < limit; index++) {
            if (text.charAt(index) == '=' || text.charAt(index) == ':') {
                int problemCount = problems.size();
                position = skipBlanks(index + 1);
                try {
                    readValue("", index);
                } catch (StatementError ignored) {
                    // the bad key is the error to report
                }
                problems.subList(problemCount, problems.size()).clear();
                return;
            }
        }
    }

    /** The last character of the value just read (its closing quote, or its line break). */
    private int valueEnd() {
        return Math.max(0, position - 1);
    }

    private int skipBlanks(int from) {
        int index = from;
        while (index < text.length() && GoText.isBlank(text.codePointAt(index))) {
            index += Character.charCount(text.codePointAt(index));
        }
        return index;
    }

    /** Continues after an error on the line following offset (or stays where reading stopped, if later). */
    private void skipPastLineBreak(int offset) {
        int lineEnd = text.indexOf('\n', offset);
        position = Math.max(position, lineEnd < 0 ? text.length() : lineEnd + 1);
    }

    /** The rest of the line from offset, for messages. */
    private String lineText(int offset) {
        int lineEnd = text.indexOf('\n', offset);
        return GoText.stripTrailingSpace(text.substring(offset, lineEnd < 0 ? text.length() : lineEnd));
    }

    private int lineOf(int offset) {
        if (lineBreaks == null) {
            lineBreaks = java.util.stream.IntStream.range(0, text.length()).filter(index -> text.charAt(index) == '\n').toArray();
        }
        int found = java.util.Arrays.binarySearch(lineBreaks, offset);
        return (found >= 0 ? found : -found - 1) + 1;
    }

    private void warn(int offset, String message) {
        problems.add(new EnvProblem(source, lineOf(offset), message, EnvProblem.Severity.WARNING));
    }

    /** Go's regular-expression {@code \s}: what may follow {@code export}. */
    private static boolean isRegexSpace(char character) {
        return character == ' ' || character == '\t' || character == '\n' || character == '\f' || character == '\r';
    }

    /** A statement Compose rejects: where it is, and where to continue reading. */
    private static final class StatementError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int offset;
        private final int resumeFrom;

        StatementError(String message, int offset, int resumeFrom) {
            super(message, null, false, false);
            this.offset = offset;
            this.resumeFrom = resumeFrom;
        }
    }
}
