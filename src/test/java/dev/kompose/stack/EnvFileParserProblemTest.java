package dev.kompose.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven tests of every problem message, with the file and line it names. */
class EnvFileParserProblemTest {

    private static final Path SOURCE = Path.of("stacks/news/.env");
    private static final Map<String, String> EARLIER = Map.of("EMPTY", "");
    private static final String KEY_RULE = " (a key must match [A-Za-z_][A-Za-z0-9_.-]*)";

    static Stream<Arguments> cases() {
        String deeplyNested = "${X:-".repeat(40) + "}".repeat(40);
        return Stream.of(
                row("bare command", "rm -rf /",
                        List.of("stacks/news/.env:1: expected KEY=VALUE, found \"rm -rf /\"")),
                row("bare word between good lines", "A=1\nFOO\nB=2",
                        List.of("stacks/news/.env:2: expected KEY=VALUE, found \"FOO\""), "A", "1", "B", "2"),
                row("indented bare word", "A=1\n\n\n\n\n\n   rm -rf /   ",
                        List.of("stacks/news/.env:7: expected KEY=VALUE, found \"rm -rf /\""), "A", "1"),
                row("export alone", "export",
                        List.of("stacks/news/.env:1: expected KEY=VALUE, found \"export\"")),
                row("export without value", "export FOO",
                        List.of("stacks/news/.env:1: expected KEY=VALUE, found \"export FOO\"")),
                row("command substitution line", "$(touch /tmp/kompose-never)",
                        List.of("stacks/news/.env:1: expected KEY=VALUE, found \"$(touch /tmp/kompose-never)\"")),
                row("long bare line is cut at 60 characters", "rm " + "x".repeat(100),
                        List.of("stacks/news/.env:1: expected KEY=VALUE, found \"rm " + "x".repeat(57) + "\"...")),
                row("control characters are escaped", "rm\0-rf\u001b[2J\u202e",
                        List.of("stacks/news/.env:1: expected KEY=VALUE, found \"rm\\0-rf\\u001b[2J\\u202e\"")),
                row("quotes and backslashes are escaped", "say \"hi\\\"",
                        List.of("stacks/news/.env:1: expected KEY=VALUE, found \"say \\\"hi\\\\\\\"\"")),
                row("missing key", "=value",
                        List.of("stacks/news/.env:1: missing key before \"=\", found \"=value\"")),
                row("missing key with spaces", "A=1\n   =  x  ",
                        List.of("stacks/news/.env:2: missing key before \"=\", found \"=  x\""), "A", "1"),
                row("export followed by equals is a key named export", "export =x", List.of(), "export", "x"),
                row("key starting with a digit", "1A=x",
                        List.of("stacks/news/.env:1: invalid key name \"1A\"" + KEY_RULE)),
                row("key with a space", "FOO BAR=x",
                        List.of("stacks/news/.env:1: invalid key name \"FOO BAR\"" + KEY_RULE)),
                row("unicode key", "ключ=значение\nCLÉ=x",
                        List.of("stacks/news/.env:1: invalid key name \"ключ\"" + KEY_RULE,
                                "stacks/news/.env:2: invalid key name \"CLÉ\"" + KEY_RULE)),
                row("quoted key", "\"A\"=x",
                        List.of("stacks/news/.env:1: invalid key name \"\\\"A\\\"\"" + KEY_RULE)),
                row("key with NUL", "A\0B=x",
                        List.of("stacks/news/.env:1: invalid key name \"A\\0B\"" + KEY_RULE)),
                row("invalid key skips its whole multi-line value", "BAD KEY=\"x\nC=evil\"\nD=1",
                        List.of("stacks/news/.env:1: invalid key name \"BAD KEY\"" + KEY_RULE), "D", "1"),
                row("unterminated single quote", "A='abc\nB=1",
                        List.of("stacks/news/.env:1: unterminated single-quoted value \"'abc\""
                                + " (single-quoted values must close on the same line)"), "B", "1"),
                row("unterminated double quote at end of file", "X=0\nA=\"abc\nB=1\n",
                        List.of("stacks/news/.env:2: unterminated double-quoted value \"\\\"abc\""
                                + " (no closing quote before the end of the file)"), "X", "0", "B", "1"),
                row("text after closing double quote", "A=\"x\" y",
                        List.of("stacks/news/.env:1: unexpected text after closing quote: \"y\"")),
                row("text after closing single quote", "A='it\\'s'",
                        List.of("stacks/news/.env:1: unexpected text after closing quote: \"s'\"")),
                row("text after multi-line closing quote", "A=\"x\ny\" z\nB=1",
                        List.of("stacks/news/.env:2: unexpected text after closing quote: \"z\""
                                + " (value started on line 1)"), "B", "1"),
                row("unclosed brace", "A=${B",
                        List.of("stacks/news/.env:1: in value of A: missing closing \"}\" in \"${B\"")),
                row("unclosed nested brace", "A=\"${B:-${C}\"",
                        List.of("stacks/news/.env:1: in value of A: missing closing \"}\" in \"${B:-${C}\"")),
                row("required unset", "A=${B:?B must be set}",
                        List.of("stacks/news/.env:1: in value of A: required variable B is missing a value: B must be set")),
                row("required empty", "A=${EMPTY:?}",
                        List.of("stacks/news/.env:1: in value of A: required variable EMPTY is missing a value")),
                row("required unset without colon", "A=${B?need B}",
                        List.of("stacks/news/.env:1: in value of A: required variable B is missing a value: need B")),
                row("required empty in file", "B=\nA=${B:?need \"B\"\0}",
                        List.of("stacks/news/.env:2: in value of A: required variable B is missing a value: need \"B\"\\0"),
                        "B", ""),
                row("required in unused default is not checked", "A=${EMPTY-${B:?x}}", List.of(), "A", ""),
                row("empty substitution", "A=${}",
                        List.of("stacks/news/.env:1: in value of A: invalid substitution \"${}\"")),
                row("substitution starting with a digit", "A=${1}",
                        List.of("stacks/news/.env:1: in value of A: invalid substitution \"${1}\"")),
                row("unknown operator", "A=${B:x}",
                        List.of("stacks/news/.env:1: in value of A: invalid substitution \"${B:x}\"")),
                row("command substitution in braces", "A=${$(id)}",
                        List.of("stacks/news/.env:1: in value of A: invalid substitution \"${$(id)}\"")),
                row("two problems in one value", "A=${} ${B:?b}",
                        List.of("stacks/news/.env:1: in value of A: invalid substitution \"${}\"",
                                "stacks/news/.env:1: in value of A: required variable B is missing a value: b")),
                row("too deeply nested", "A=" + deeplyNested,
                        List.of("stacks/news/.env:1: in value of A: references nested more than 32 deep")),
                row("NUL in unquoted value", "A=x\0y\nB=1",
                        List.of("stacks/news/.env:1: value of A contains a NUL character,"
                                + " which environment variables cannot hold"), "B", "1"),
                row("NUL in quoted value", "A=\"\0\"",
                        List.of("stacks/news/.env:1: value of A contains a NUL character,"
                                + " which environment variables cannot hold")),
                row("line numbers count CR LF and BOM", "\uFEFF# c\r\nA=1\r\n\r\nnope\r\n",
                        List.of("stacks/news/.env:4: expected KEY=VALUE, found \"nope\""), "A", "1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsProblem(String name, String text, List<String> expectedProblems, Map<String, String> expectedValues) {
        EnvFile file = EnvFileParser.parse(SOURCE, text, EARLIER::get);

        assertEquals(expectedProblems, file.problems().stream().map(EnvProblem::describe).toList(), name);
        assertEquals(List.copyOf(expectedValues.entrySet()), List.copyOf(file.values().entrySet()), name);
    }

    @Test
    void problemCarriesFileAndLine() {
        EnvFile file = EnvFileParser.parse(SOURCE, "A=1\n\nrm -rf /", name -> null);

        assertEquals(List.of(new EnvProblem(SOURCE, 3, "expected KEY=VALUE, found \"rm -rf /\"")), file.problems());
    }

    private static Arguments row(String name, String text, List<String> problems, String... keysAndValues) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            expected.put(keysAndValues[index], keysAndValues[index + 1]);
        }
        return Arguments.of(name, text, problems, expected);
    }
}
