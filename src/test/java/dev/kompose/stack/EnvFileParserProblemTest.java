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

/** Table-driven tests of every error message, with the file and line it names, and of reading on after it. */
class EnvFileParserProblemTest {

    private static final Path SOURCE = Path.of("stacks/news/.env");
    private static final Map<String, String> EARLIER = Map.of("EMPTY", "");
    private static final String E = "stacks/news/.env:";

    static Stream<Arguments> cases() {
        String deeplyNested = "${X:-".repeat(40) + "}".repeat(40);
        return Stream.of(
                row("bare command", "rm -rf /",
                        List.of(E + "1: unexpected character \"/\" in variable name \"rm -rf /\"")),
                row("indented bare command", "A=1\n\n\n\n\n\n   rm -rf /   ",
                        List.of(E + "7: unexpected character \"/\" in variable name \"rm -rf /\""), "A", "1"),
                row("command substitution line", "$(touch /tmp/kompose-never)",
                        List.of(E + "1: unexpected character \"$\" in variable name \"$(touch /tmp/kompose-never)\"")),
                row("long bad line is cut at 60 characters", "rm/" + "x".repeat(100),
                        List.of(E + "1: unexpected character \"/\" in variable name \"rm/" + "x".repeat(57) + "\"...")),
                row("control characters are escaped", "rm\0-rf\u001b[2J\u202e",
                        List.of(E + "1: unexpected character \"\\0\" in variable name \"rm\\0-rf\\u001b[2J\\u202e\"")),
                row("quotes and backslashes are escaped", "say \"hi\\\"",
                        List.of(E + "1: unexpected character \"\\\"\" in variable name \"say \\\"hi\\\\\\\"\"")),
                row("key with a space", "FOO BAR=x", List.of(E + "1: key cannot contain a space: \"FOO BAR\"")),
                row("key with NUL", "A\0B=x",
                        List.of(E + "1: unexpected character \"\\0\" in variable name \"A\\0B=x\"")),
                row("bad key skips its whole multi-line value", "BAD KEY=\"x\nC=evil\"\nD=1",
                        List.of(E + "1: key cannot contain a space: \"BAD KEY\""), "D", "1"),
                row("bad key character skips its whole multi-line value", "BAD/KEY='x\nC=evil'\nD=1",
                        List.of(E + "1: unexpected character \"/\" in variable name \"BAD/KEY='x\""), "D", "1"),
                row("unterminated single quote", "A='abc\nB=1",
                        List.of(E + "1: unterminated single-quoted value \"'abc\" (no closing quote before the end of the"
                                + " file; inside single quotes \\' is a quote, not the end)"), "B", "1"),
                row("unterminated double quote at end of file", "X=0\nA=\"abc\nB=1\n",
                        List.of(E + "2: unterminated double-quoted value \"\\\"abc\" (no closing quote before the end of the file)"),
                        "X", "0", "B", "1"),
                row("unclosed brace", "A=${B",
                        List.of(E + "1: in value of A: missing closing \"}\" in \"${B\"")),
                row("unclosed nested brace", "A=\"${B:-${C}\"",
                        List.of(E + "1: in value of A: missing closing \"}\" in \"${C\"")),
                row("required unset", "A=${B:?B must be set}",
                        List.of(E + "1: in value of A: required variable B is missing a value: B must be set")),
                row("required empty", "A=${EMPTY:?}",
                        List.of(E + "1: in value of A: required variable EMPTY is missing a value")),
                row("required unset without colon", "A=${B?need B}",
                        List.of(E + "1: in value of A: required variable B is missing a value: need B")),
                row("required empty in file", "B=\nA=${B:?need \"B\"\0}",
                        List.of(E + "2: in value of A: required variable B is missing a value: need \"B\"\\0"), "B", ""),
                row("required in unused default is still checked", "A=${EMPTY-${B:?x}}",
                        List.of(E + "1: in value of A: required variable B is missing a value: x")),
                row("empty substitution", "A=${}", List.of(E + "1: in value of A: invalid substitution \"${}\"")),
                row("substitution starting with a digit", "A=${1}",
                        List.of(E + "1: in value of A: invalid substitution \"${1}\"")),
                row("unknown operator", "A=${B:x}", List.of(E + "1: in value of A: invalid substitution \"${B:x}\"")),
                row("command substitution in braces", "A=${$(id)}",
                        List.of(E + "1: in value of A: invalid substitution \"${$(id)}\"")),
                row("two problems in one value", "A=${} ${B:?b}",
                        List.of(E + "1: in value of A: invalid substitution \"${}\"",
                                E + "1: in value of A: required variable B is missing a value: b")),
                row("too deeply nested", "A=" + deeplyNested,
                        List.of(E + "1: in value of A: references nested more than 32 deep")),
                row("NUL in unquoted value", "A=x\0y\nB=1",
                        List.of(E + "1: value of A contains a NUL character, which environment variables cannot hold"),
                        "B", "1"),
                row("NUL in quoted value", "A=\"\0\"",
                        List.of(E + "1: value of A contains a NUL character, which environment variables cannot hold")),
                row("an error after a multi-line value names its line", "A=\"x\ny\"\nB=${}\nC=1",
                        List.of(E + "3: in value of B: invalid substitution \"${}\""), "A", "x\ny", "C", "1"),
                row("line numbers count CR LF and BOM", "\uFEFF# c\r\nA=1\r\n\r\nno/pe\r\n",
                        List.of(E + "4: unexpected character \"/\" in variable name \"no/pe\""), "A", "1"));
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

        assertEquals(List.of(new EnvProblem(SOURCE, 3, "unexpected character \"/\" in variable name \"rm -rf /\"",
                EnvProblem.Severity.ERROR)), file.problems());
    }

    private static Arguments row(String name, String text, List<String> problems, String... keysAndValues) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            expected.put(keysAndValues[index], keysAndValues[index + 1]);
        }
        return Arguments.of(name, text, problems, expected);
    }
}
