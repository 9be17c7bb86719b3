package dev.kompose.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Docker Compose's documented and observed {@code .env} rules (compose-go's dotenv reader and its
 * interpolation), one row each: the file, what the environment holds, and what Compose makes of
 * it — the values, and whether it refuses the file (an error), reads it but the line is probably a
 * mistake (a warning), or reads it quietly. Written in our own words; the facts are Compose's.
 * Rows marked "kompose:" are where kompose deliberately differs, and say why.
 */
class EnvFileComposeConformanceTest {

    private static final Path SOURCE = Path.of("stacks/shop/.env");

    /** The environment under every row: set, empty, and a non-ASCII value. */
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "SET", "v", "EMPTY", "", "JSON", "{\"b\":2}", "FROM_ENV", "env-value", "X", "outer", "PATH", "/bin",
            "UNICODE", "pässwörd€");

    /** What Compose does with a file as a whole. */
    enum Outcome { QUIET, WARNING, ERROR }

    /** One rule: a file, the values it gives, and the outcome (with a fragment of the message, if any). */
    record Rule(String name, String file, Map<String, String> values, Outcome outcome, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rule> rules() {
        return Stream.of(
                // statements and keys
                reads("a plain assignment", "A=1", "A", "1"),
                reads("export before the key is dropped", "export A=1", "A", "1"),
                reads("a colon works like an equals sign", "A: value", "A", "value"),
                reads("a colon without a space", "A:value", "A", "value"),
                reads("the first = or : ends the key", "A:B=c", "A", "B=c"),
                reads("blanks around key and separator", "  A \t=  1", "A", "1"),
                reads("a key with dots", "spring.datasource.url=jdbc:postgresql://db/app",
                        "spring.datasource.url", "jdbc:postgresql://db/app"),
                reads("a key with dashes", "my-key=1", "my-key", "1"),
                reads("a key with brackets", "list[0]=first", "list[0]", "first"),
                reads("keys in other scripts", "CLÉ=x\nключ=значение\n名前=値", "CLÉ", "x", "ключ", "значение", "名前", "値"),
                reads("a key may start with a digit", "1A=x", "1A", "x"),
                reads("a key named export", "export=1", "export", "1"),
                reads("a bare name takes its value from the environment", "FROM_ENV\nA=1\n", "FROM_ENV", "env-value", "A", "1"),
                reads("export with a bare name", "export FROM_ENV\n", "FROM_ENV", "env-value"),
                reads("a bare name that is set nowhere defines nothing", "NOWHERE\nA=1\n", "A", "1"),
                reads("a bare name replaces the file's own earlier value with the environment's",
                        "FROM_ENV=file\nFROM_ENV\n", "FROM_ENV", "env-value"),
                warns("a bare name on a last line without a line break is dropped", "A=1\nFROM_ENV", "no line", "A", "1"),
                warns("no key before = is dropped", "=value\nA=1", "no variable name", "A", "1"),
                warns("export then = means no key", "export = 1", "no variable name"),
                refuses("a slash cannot be in a key", "rm -rf /", "unexpected character \"/\""),
                refuses("a key cannot hold a space", "FOO BAR=x", "key cannot contain a space"),
                refuses("a quote cannot start a key", "\"A\"=x", "unexpected character \"\\\"\""),
                refuses("command substitution is not a statement", "$(touch /tmp/never)", "unexpected character \"$\""),
                // comments and unquoted values
                reads("comment lines and blank lines", "# note\n\n   # indented\nA=1\n\n", "A", "1"),
                reads("a space before # starts a comment", "A=foo # bar", "A", "foo"),
                reads("# without a space before it is part of the value", "A=foo#bar", "A", "foo#bar"),
                warns("a tab before # does not start a comment", "A=foo\t# bar", "only a space", "A", "foo\t# bar"),
                warns("# right after the = and a blank is the value", "A= # nothing", "starts with \"#\"", "A", "# nothing"),
                reads("trailing blanks are removed", "A=hello world  \t", "A", "hello world"),
                reads("quotes inside an unquoted value stay", "A=it's \"fine\"", "A", "it's \"fine\""),
                reads("backslashes in an unquoted value stay", "A=c:\\dir\\n", "A", "c:\\dir\\n"),
                reads("an empty value", "A=\nB=", "A", "", "B", ""),
                reads("equals signs in a value", "A=b=c==", "A", "b=c=="),
                // single quotes
                reads("single quotes are literal", "A='$SET ${SET} $$ \\n'", "A", "$SET ${SET} $$ \\n"),
                reads("single quotes keep # and blanks", "A='  x # y  ' # comment", "A", "  x # y  "),
                reads("a multi-line single-quoted value (a PEM key)",
                        "KEY='-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----'\nB=2",
                        "KEY", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----", "B", "2"),
                reads("backslash quote inside single quotes is a quote", "A='it\\'s'", "A", "it's"),
                reads("other backslashes inside single quotes stay", "A='a\\\\b\\n\\\"'", "A", "a\\\\b\\n\\\""),
                refuses("a single-quoted value ending in a backslash never closes", "A='abc\\'\nB=1", "unterminated single-quoted"),
                refuses("an unterminated single quote", "A='abc\nB=1", "unterminated single-quoted"),
                // double quotes
                reads("newline, tab, return, backslash, quote and dollar escapes", "A=\"1\\n2\\t3\\r4\\\\5\\\"6\\$7\"",
                        "A", "1\n2\t3\r4\\5\"6$7"),
                reads("bell, backspace, form feed and vertical tab escapes", "A=\"\\a\\b\\f\\v\"", "A", "\u0007\b\f\u000B"),
                reads("octal escapes: \\0 and three octal digits", "A=\"\\0101\\0102\\0040!\"", "A", "AB !"),
                reads("octal escapes that are too short, too big or not octal stay as typed",
                        "A=\"\\0 \\012 \\0400 \\0128\"", "A", "\\0 \\012 \\0400 \\0128"),
                reads("unknown escapes and \\c stay as typed", "A=\"\\q \\x41 \\u00e9 \\c\"", "A", "\\q \\x41 \\u00e9 \\c"),
                reads("an escaped dollar sign is not a reference", "A=\"\\${SET}\"", "A", "${SET}"),
                reads("an escaped backslash before a reference", "A=\"\\\\$SET\"", "A", "\\v"),
                reads("a multi-line double-quoted value", "A=\"line 1\n\n  line 3\"\nB=2", "A", "line 1\n\n  line 3", "B", "2"),
                reads("double quotes interpolate and keep #", "A=\"<$SET> # <${SET}>\" # comment", "A", "<v> # <v>"),
                refuses("an unterminated double quote", "A=\"abc\nB=1\n", "unterminated double-quoted"),
                warns("text after a closing quote is the next statement", "A=\"x\" B=2", "another statement", "A", "x", "B", "2"),
                refuses("kompose: NUL cannot be passed in an environment variable", "A=\"\\0000\"", "NUL"),
                // interpolation
                reads("a braced and an unbraced reference", "A=${SET}-$SET", "A", "v-v"),
                warns("an unset reference is empty, with Compose's warning", "A=[${NOPE}]", "NOPE is not set", "A", "[]"),
                reads(":- uses the default when unset", "A=${NOPE:-d}", "A", "d"),
                reads(":- uses the default when empty", "A=${EMPTY:-d}", "A", "d"),
                reads("- keeps an empty value", "A=${EMPTY-d}", "A", ""),
                reads("- uses the default when unset", "A=${NOPE-d}", "A", "d"),
                reads(":+ uses the alternative when set and not empty", "A=${SET:+alt}", "A", "alt"),
                reads(":+ gives the empty value when empty", "A=${EMPTY:+alt}", "A", ""),
                reads("+ uses the alternative when set, even empty", "A=${EMPTY+alt}", "A", "alt"),
                reads("+ gives nothing when unset", "A=${NOPE+alt}", "A", ""),
                reads("defaults nest", "A=${NOPE:-${ALSO_NOPE:-deep}}", "A", "deep"),
                reads("braces in a default, variable set", "A=${JSON:-{\"a\":1}}", "A", "{\"b\":2}"),
                reads("braces in a default, variable unset", "A=${NOPE:-{\"a\":1}}", "A", "{\"a\":1}"),
                reads("a brace after a reference stays", "A=${NOPE:-a}}", "A", "a}"),
                reads("two references with defaults on one line", "A=${NOPE:-x}/${SET:-y}", "A", "x/v"),
                reads("$$ is a dollar sign", "A=$$SET $${SET}", "A", "$SET ${SET}"),
                reads("$ before anything else stays", "A=$1 $( $ cost$", "A", "$1 $( $ cost$"),
                reads("a reference may read a value defined earlier in the file", "B=x\nA=${B}y", "B", "x", "A", "xy"),
                reads("kompose: the file's value wins over the environment (a .env wins in kompose's layering)",
                        "X=inner\nA=$X", "X", "inner", "A", "inner"),
                reads("a self reference reads the environment", "PATH=$PATH:/x", "PATH", "/bin:/x"),
                reads("a dot ends an unbraced name", "A=$SET.x", "A", "v.x"),
                reads("a named mapping reference stays as written", "A=${secrets[db]}", "A", "${secrets[db]}"),
                refuses(":? with the variable unset", "DB_PASSWORD=${PGPASS:?must be set}",
                        "required variable PGPASS is missing a value: must be set"),
                refuses(":? with the variable empty", "A=${EMPTY:?}", "required variable EMPTY is missing a value"),
                refuses("? with the variable unset", "A=${NOPE?need it}", "required variable NOPE is missing a value: need it"),
                reads("? with the variable empty is fine", "A=${EMPTY?need it}", "A", ""),
                reads(":? with the variable set", "A=${SET:?need it}", "A", "v"),
                refuses("a required variable inside an unused default is still checked", "A=${SET:-${NOPE:?x}}",
                        "required variable NOPE"),
                refuses("an empty reference", "A=${}", "invalid substitution \"${}\""),
                refuses("a braced name cannot hold a dot", "A=${A.B}", "invalid substitution"),
                refuses("an unknown operator", "A=${SET:x}", "invalid substitution"),
                refuses("a reference without its closing brace", "A=${SET", "missing closing"),
                // line endings, encodings and exact bytes
                reads("CR LF line endings: CR inside quotes stays", "A=1\r\nB=\"x\r\ny\"\r\nC=3 # c\r\n",
                        "A", "1", "B", "x\r\ny", "C", "3"),
                reads("a byte order mark at the start is ignored", "\uFEFFA=1", "A", "1"),
                reads("non-ASCII values", "A=héllo 日本 🎉\nB=$UNICODE", "A", "héllo 日本 🎉", "B", "pässwörd€"),
                reads("a password with #, $, quotes, backslashes and non-ASCII letters",
                        "DB_PASSWORD='p#ä$s\"w\\ö\\'rd€ $SET'", "DB_PASSWORD", "p#ä$s\"w\\ö'rd€ $SET"),
                reads("the same password double-quoted", "DB_PASSWORD=\"p#ä\\$s\\\"w\\\\ö'rd€\"",
                        "DB_PASSWORD", "p#ä$s\"w\\ö'rd€"),
                reads("nothing is ever executed", "A=$(id) `id`", "A", "$(id) `id`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void readsTheFileAsDockerComposeDoes(Rule rule) {
        EnvFile file = EnvFileParser.parse(SOURCE, rule.file(), ENVIRONMENT::get);

        List<EnvProblem> errors = file.problems().stream().filter(EnvProblem::isError).toList();
        List<EnvProblem> warnings = file.problems().stream().filter(problem -> !problem.isError()).toList();
        switch (rule.outcome()) {
            case QUIET -> assertEquals(List.of(), file.problems(), rule.name());
            case WARNING -> {
                assertEquals(List.of(), errors, rule.name());
                assertTrue(warnings.stream().anyMatch(warning -> warning.message().contains(rule.message())),
                        rule.name() + ": " + warnings);
            }
            case ERROR -> assertTrue(errors.stream().anyMatch(error -> error.message().contains(rule.message())),
                    rule.name() + ": " + file.problems());
        }
        if (rule.outcome() != Outcome.ERROR || !rule.values().isEmpty()) {
            assertEquals(List.copyOf(rule.values().entrySet()), List.copyOf(file.values().entrySet()), rule.name());
        }
    }

    private static Rule reads(String name, String file, String... keysAndValues) {
        return new Rule(name, file, pairs(keysAndValues), Outcome.QUIET, "");
    }

    private static Rule warns(String name, String file, String message, String... keysAndValues) {
        return new Rule(name, file, pairs(keysAndValues), Outcome.WARNING, message);
    }

    private static Rule refuses(String name, String file, String message) {
        return new Rule(name, file, Map.of(), Outcome.ERROR, message);
    }

    private static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            pairs.put(keysAndValues[index], keysAndValues[index + 1]);
        }
        return pairs;
    }
}
