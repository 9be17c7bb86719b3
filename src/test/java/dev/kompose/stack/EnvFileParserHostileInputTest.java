package dev.kompose.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and unusual input, and reading files from disk. */
class EnvFileParserHostileInputTest {

    private static final Path SOURCE = Path.of("stacks/news/.env");

    @TempDir
    Path directory;

    @Test
    void commandSubstitutionAndBackticksAreNeverExecuted() {
        Path marker = directory.resolve("marker");
        String touch = "touch " + marker;
        String text = String.join("\n",
                "A=$(" + touch + ")",
                "B=\"$(" + touch + ")\"",
                "C='$(" + touch + ")'",
                "D=`" + touch + "`",
                "E=\"`" + touch + "`\"",
                "F=${X:-$(" + touch + ")}",
                "G=\"$(" + touch,
                ")\"",
                "$(" + touch + ")",
                "`" + touch + "`",
                touch);

        EnvFile file = EnvFileParser.parse(SOURCE, text, name -> null);

        assertEquals(Map.of(
                "A", "$(" + touch + ")",
                "B", "$(" + touch + ")",
                "C", "$(" + touch + ")",
                "D", "`" + touch + "`",
                "E", "`" + touch + "`",
                "F", "$(" + touch + ")",
                "G", "$(" + touch + "\n)"), file.values());
        assertEquals(List.of(9, 10, 11), file.problems().stream().map(EnvProblem::line).toList());
        assertFalse(Files.exists(marker), "nothing may be executed");
    }

    @Test
    void lookupIsOnlyAskedForVariableNames() {
        List<String> asked = new ArrayList<>();
        EnvFileParser.parse(SOURCE, "A=$(id) `id` ${B} $C ${D:-${E}} $$F\nG.H\n", name -> {
            asked.add(name);
            return null;
        });

        // a default is expanded before its variable is looked at, as Compose does; a bare name is looked up as it is
        assertEquals(List.of("B", "C", "E", "D", "G.H"), asked);
    }

    @Test
    void nulBytesNeverBecomeValues() {
        EnvFile file = EnvFileParser.parse(SOURCE, "# comment with \0 is fine\nA=\0\nB\0=1\n\0\nC=\"\\0\"", name -> null);

        assertEquals(Map.of("C", "\\0"), file.values());
        assertEquals(List.of(2, 3, 4), file.problems().stream().map(EnvProblem::line).toList());
        assertEquals("stacks/news/.env:4: unexpected character \"\\0\" in variable name \"\\0\"",
                file.problems().get(2).describe());
    }

    @Test
    void veryLongValuesAndLinesAreHandled() {
        String value = "é".repeat(200_000);
        EnvFile file = EnvFileParser.parse(SOURCE, "A=" + value + "\nB=\"" + value + "\n" + value + "\"\n" + value
                + "/x", name -> null);

        assertEquals(value, file.values().get("A"));
        assertEquals(value + "\n" + value, file.values().get("B"));
        assertEquals(List.of("stacks/news/.env:4: unexpected character \"/\" in variable name \"" + "é".repeat(60) + "\"..."),
                file.problems().stream().map(EnvProblem::describe).toList());
    }

    @Test
    void escapedQuotesPairUpAcrossLines() {
        EnvFile file = EnvFileParser.parse(SOURCE, "A=\"\\\"\n".repeat(2_000) + "B=1", name -> null);

        // each odd line opens a value that the next line's unescaped quote closes; the backslash left after it
        // cannot start a statement, as in Compose
        assertEquals(Map.of("A", "\"\nA=", "B", "1"), file.values());
        List<EnvProblem> errors = file.problems().stream().filter(EnvProblem::isError).toList();
        assertEquals(1_000, errors.size());
        assertEquals("stacks/news/.env:2000: unexpected character \"\\\\\" in variable name \"\\\\\\\"\"",
                errors.get(999).describe());
    }

    @Test
    void unterminatedQuoteResumesOnTheNextLine() {
        EnvFile file = EnvFileParser.parse(SOURCE, "A=\"x\n" + "B=1\n".repeat(5_000) + "C=2", name -> null);

        assertEquals(Map.of("B", "1", "C", "2"), file.values());
        assertEquals(List.of(1), file.problems().stream().map(EnvProblem::line).toList());
    }

    @Test
    void valuesAreUnmodifiableAndKeepOrder() {
        EnvFile file = EnvFileParser.parse(SOURCE, "Z=1\nA=2\nM=3", name -> null);

        assertEquals(List.of("Z", "A", "M"), List.copyOf(file.values().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> file.values().put("X", "1"));
        assertThrows(UnsupportedOperationException.class, () -> file.problems().clear());
        assertFalse(file.hasProblems());
    }

    @Test
    void nullLookupMeansNoEarlierLayers() {
        EnvFile file = EnvFileParser.parse(SOURCE, "A=[$HOME]", null);

        assertEquals(Map.of("A", "[]"), file.values());
    }

    @Test
    void emptyFileHasNothing() {
        EnvFile empty = EnvFile.empty(SOURCE);

        assertEquals(SOURCE, empty.source());
        assertEquals(Map.of(), empty.values());
        assertEquals(List.of(), empty.problems());
    }

    @Test
    void readsUtf8FileWithByteOrderMarkAndCarriageReturns() throws IOException {
        Path file = directory.resolve(".env");
        Files.write(file, ("\uFEFFA=héllo\r\nB=${A} 日本\r\n").getBytes(StandardCharsets.UTF_8));

        EnvFile env = EnvFileParser.read(file, name -> null);

        assertEquals(Map.of("A", "héllo", "B", "héllo 日本"), env.values());
        assertEquals(List.of(), env.problems());
        assertEquals(file, env.source());
    }

    @Test
    void readPassesLookupThrough() throws IOException {
        Path file = directory.resolve(".env");
        Files.writeString(file, "A=${OUTER}-x\n");

        assertEquals(Map.of("A", "o-x"), EnvFileParser.read(file, Map.of("OUTER", "o")::get).values());
    }

    @Test
    void missingFileIsEmpty() {
        Path file = directory.resolve("missing/.env");

        assertEquals(EnvFile.empty(file), EnvFileParser.read(file, name -> null));
    }

    @Test
    void malformedUtf8IsAProblemAtLineOne() throws IOException {
        Path file = directory.resolve(".env");
        Files.write(file, new byte[] {'A', '=', '1', '\n', 'B', '=', (byte) 0xE9, '\n'});

        EnvFile env = EnvFileParser.read(file, name -> null);

        assertEquals(Map.of(), env.values());
        assertEquals(List.of(new EnvProblem(file, 1, "file is not valid UTF-8: malformed byte sequence at byte offset 6"
                + " (line 2); kompose passes values on as UTF-8 and cannot keep these bytes intact")), env.problems());
    }

    @Test
    void unreadableFileIsAProblemAtLineOne() {
        EnvFile env = EnvFileParser.read(directory, name -> null);

        assertEquals(Map.of(), env.values());
        assertEquals(1, env.problems().size());
        assertEquals(1, env.problems().get(0).line());
        assertTrue(env.problems().get(0).message().startsWith("cannot read file: "), env.problems().get(0).message());
    }
}
