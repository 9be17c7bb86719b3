package dev.kompose.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven tests of {@link Interpolator} used on its own. */
class InterpolatorTest {

    private static final Map<String, String> VARIABLES = Map.of("SET", "v", "EMPTY", "");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain text", "plain text", List.of()),
                Arguments.of("", "", List.of()),
                Arguments.of("$SET ${SET}", "v v", List.of()),
                Arguments.of("${a.b}", "", List.of("invalid substitution \"${a.b}\"")),
                Arguments.of("${UNSET:-${EMPTY:-${SET}}}", "v", List.of()),
                Arguments.of("${UNSET:-a}}", "a}", List.of()),
                Arguments.of("${UNSET:-$${}", "${", List.of()),
                Arguments.of("${SET:+$$}", "$", List.of()),
                Arguments.of("$$$SET", "$v", List.of()),
                Arguments.of("$(x) `y` $ $1 $-", "$(x) `y` $ $1 $-", List.of()),
                Arguments.of("${SET:?no}${UNSET?}", "v", List.of("required variable UNSET is missing a value")),
                Arguments.of("a${B", "a${B", List.of("missing closing \"}\" in \"${B\"")),
                Arguments.of("${-x}", "", List.of("invalid substitution \"${-x}\"")),
                Arguments.of("${SET:}", "", List.of("invalid substitution \"${SET:}\"")),
                Arguments.of("${SET!}", "", List.of("invalid substitution \"${SET!}\"")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void interpolates(String text, String expectedValue, List<String> expectedProblems) {
        Interpolator.Result result = Interpolator.interpolate(text, VARIABLES::get);

        assertEquals(new Interpolator.Result(expectedValue, expectedProblems), result);
    }
}
