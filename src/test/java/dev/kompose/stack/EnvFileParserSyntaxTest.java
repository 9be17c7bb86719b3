package dev.kompose.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven tests of every syntax rule of the {@code .env} format on well-formed input. */
class EnvFileParserSyntaxTest {

    private static final Path SOURCE = Path.of("stacks/news/.env");

    /** Earlier environment layers shared by the cases. */
    private static final Map<String, String> EARLIER = Map.of(
            "SET", "v",
            "EMPTY", "",
            "PATH", "/bin",
            "X", "outer",
            "A.B", "dotted");

    static Stream<Arguments> cases() {
        String longValue = "x".repeat(10_000);
        String longUnicode = "日é".repeat(6_000);
        return Stream.of(
                // basic statements, comments, blank lines
                row("simple", "A=1", "A", "1"),
                row("comment line", "# comment\nA=1", "A", "1"),
                row("indented comment", "   # comment A=2\nA=1", "A", "1"),
                row("blank lines", "\n\nA=1\n\n\n", "A", "1"),
                row("whitespace-only lines", "  \n\t\n \t \nA=1\n\u000B\f\n", "A", "1"),
                row("export prefix", "export A=1", "A", "1"),
                row("export with tab and spaces", "export\t  A = 1", "A", "1"),
                row("key named export", "export=1", "export", "1"),
                row("exported key starting with export", "export exported=1", "exported", "1"),
                row("whitespace around key and equals", "  A  =  1  ", "A", "1"),
                row("key character set", "a.b-c_D9=x\n_=y", "a.b-c_D9", "x", "_", "y"),
                row("empty value", "A=", "A", ""),
                row("equals in value", "A=b=c", "A", "b=c"),
                // unquoted values
                row("unquoted trailing whitespace", "A=hello world   \t", "A", "hello world"),
                row("unquoted inline comment", "A=foo # bar", "A", "foo"),
                row("unquoted hash without space", "A=foo#bar", "A", "foo#bar"),
                row("unquoted hash right after equals", "A=#start", "A", "#start"),
                row("unquoted quote inside", "A=it's \"fine\"", "A", "it's \"fine\""),
                row("unquoted backslashes kept", "A=c:\\dir\\n", "A", "c:\\dir\\n"),
                // single quotes
                row("single quotes are literal", "B=x\nA='a $B ${B} $$ \\n \\\\'", "B", "x", "A", "a $B ${B} $$ \\n \\\\"),
                row("single quotes keep whitespace", "A='  x  '", "A", "  x  "),
                row("single quotes keep hash", "A='x # y' # comment", "A", "x # y"),
                row("single quotes with double quote inside", "A='say \"hi\"'", "A", "say \"hi\""),
                row("empty single quotes", "A=''", "A", ""),
                // double quotes
                row("double quote escapes", "A=\"a\\nb\\tc\\\\d\\\"e\\$f\\rg\"", "A", "a\nb\tc\\d\"e$f\rg"),
                row("double quote unknown escape kept", "A=\"\\q\\x41\"", "A", "\\q\\x41"),
                row("double quotes interpolate", "B=x\nA=\"<$B> <${B}>\"", "B", "x", "A", "<x> <x>"),
                row("double quotes escaped dollar brace", "B=x\nA=\"\\${B}\"", "B", "x", "A", "${B}"),
                row("double quotes escaped backslash then variable", "B=x\nA=\"\\\\$B\"", "B", "x", "A", "\\x"),
                row("double quotes keep hash", "A=\"x # y\" # comment", "A", "x # y"),
                row("double quotes keep single quote", "A=\"it's\"", "A", "it's"),
                row("empty double quotes", "A=\"\"", "A", ""),
                row("double quotes keep whitespace", "A=\"  x  \"  ", "A", "  x  "),
                row("multi-line double quotes", "A=\"line1\nline2\"\nB=2", "A", "line1\nline2", "B", "2"),
                row("multi-line keeps spaces and blank lines", "A=\"x  \n\n  y\"", "A", "x  \n\n  y"),
                row("multi-line escaped quote does not close", "A=\"a\\\"\nb\"", "A", "a\"\nb"),
                row("multi-line with equals and hash lines", "A=\"K=V\n# not a comment\"\nB=1",
                        "A", "K=V\n# not a comment", "B", "1"),
                // interpolation
                row("braced", "A=${SET}", "A", "v"),
                row("unbraced", "A=$SET", "A", "v"),
                row(":- unset", "A=${UNSET:-d}", "A", "d"),
                row(":- empty", "A=${EMPTY:-d}", "A", "d"),
                row(":- set", "A=${SET:-d}", "A", "v"),
                row("- unset", "A=${UNSET-d}", "A", "d"),
                row("- empty", "A=${EMPTY-d}", "A", ""),
                row("- set", "A=${SET-d}", "A", "v"),
                row(":+ set", "A=${SET:+alt}", "A", "alt"),
                row(":+ empty", "A=${EMPTY:+alt}", "A", ""),
                row(":+ unset", "A=${UNSET:+alt}", "A", ""),
                row("+ empty", "A=${EMPTY+alt}", "A", "alt"),
                row("+ unset", "A=${UNSET+alt}", "A", ""),
                row(":? set", "A=${SET:?must be set}", "A", "v"),
                row("? empty", "A=${EMPTY?must be set}", "A", ""),
                row("default with spaces and colon", "A=${UNSET:-a b:c}", "A", "a b:c"),
                row("empty default", "A=${UNSET:-}", "A", ""),
                row("nested default", "A=${UNSET:-${SET}}", "A", "v"),
                row("doubly nested default", "A=${UNSET:-${ALSO:-deep}}", "A", "deep"),
                row("nested alternative", "A=${SET:+<$SET>}", "A", "<v>"),
                row("double dollar", "A=$$", "A", "$"),
                row("double dollar before name", "A=$$SET", "A", "$SET"),
                row("double dollar before brace", "A=$${SET}", "A", "${SET}"),
                row("dot ends unbraced name", "A=$SET.x", "A", "v.x"),
                row("dash ends unbraced name", "A=pre$SET-post", "A", "prev-post"),
                row("suffix after braces", "A=${SET}suffix", "A", "vsuffix"),
                row("dollar digit literal", "A=$1", "A", "$1"),
                row("trailing dollar literal", "A=cost$", "A", "cost$"),
                row("dollar space literal", "A=$ x", "A", "$ x"),
                row("command substitution literal", "A=$(echo hi)", "A", "$(echo hi)"),
                row("backticks literal", "A=`echo hi`", "A", "`echo hi`"),
                row("command substitution in double quotes", "A=\"$(echo hi) `id`\"", "A", "$(echo hi) `id`"),
                row("file value beats earlier layer", "X=inner\nA=$X", "X", "inner", "A", "inner"),
                row("self reference reads earlier layer", "PATH=$PATH:/x", "PATH", "/bin:/x"),
                row("redefinition uses previous value", "A=1\nA=${A}2", "A", "12"),
                row("duplicate key keeps first position", "A=1\nB=2\nA=3", "A", "3", "B", "2"),
                // line endings and encodings
                row("CR LF line endings", "A=1\r\nB=\"x\r\ny\"\r\nC=3 # c\r\n", "A", "1", "B", "x\r\ny", "C", "3"),
                row("byte order mark", "\uFEFFA=1", "A", "1"),
                row("unicode values", "A=héllo 日本 🎉\nB=\"ü\\n€\"", "A", "héllo 日本 🎉", "B", "ü\n€"),
                row("10,000 character unquoted value", "A=" + longValue, "A", longValue),
                row("12,000 character quoted unicode value", "A=\"" + longUnicode + "\"", "A", longUnicode),
                row("empty file", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesWellFormedInput(String name, String text, Map<String, String> expected) {
        EnvFile file = EnvFileParser.parse(SOURCE, text, EARLIER::get);

        assertEquals(List.of(), file.problems(), name);
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(file.values().entrySet()), name);
    }

    private static Arguments row(String name, String text, String... keysAndValues) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            expected.put(keysAndValues[index], keysAndValues[index + 1]);
        }
        return Arguments.of(name, text, expected);
    }
}
