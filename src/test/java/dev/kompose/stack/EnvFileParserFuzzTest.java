package dev.kompose.stack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated input from a seeded {@link Random}: the parser must never throw, must be
 * deterministic, must only report lines that exist, and must never execute anything.
 */
class EnvFileParserFuzzTest {

    private static final Path SOURCE = Path.of("fuzz/.env");
    private static final int LINES = 3_000;
    /** What Compose accepts in a key: letters and numbers of any script, {@code _ . - [ ]}, and blanks inside. */
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}_.\\[\\]-][\\p{L}\\p{N}_.\\[\\]\\t\\x0B\\f\\r\\u0085\\u00A0-]*");
    /** What may be looked up: a reference's name, or a bare key. */
    private static final Pattern LOOKUP_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|" + KEY.pattern());
    private static final String[] ALPHABET = {
        "=", "=", "$", "$", "$", "{", "{", "}", "}", ":", "-", "+", "?", "'", "'", "\"", "\"", "\\", "\\",
        "#", "`", "(", ")", " ", " ", "\t", "\n", "\r", "\r\n", "\0", "é", "日", "🎉", "\uFEFF", "\u202e",
        "A", "B", "x", "_", ".", "1", "export ", "${A}", "$A", "${A:-", "${B:?", "$$",
    };

    @TempDir
    Path directory;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20_251_126})
    void generatedInputNeverThrowsNorExecutes(long seed) {
        Path marker = directory.resolve("marker-" + seed);
        String text = generate(new Random(seed), marker);
        List<String> askedNames = new ArrayList<>();
        Map<String, String> earlier = Map.of("A", "a", "EMPTY", "");

        EnvFile first = assertDoesNotThrow(() -> EnvFileParser.parse(SOURCE, text, name -> {
            askedNames.add(name);
            return earlier.get(name);
        }));
        EnvFile second = assertDoesNotThrow(() -> EnvFileParser.parse(SOURCE, text, earlier::get));

        assertEquals(first, second, "parsing must be deterministic");
        assertEquals(List.copyOf(first.values().keySet()), List.copyOf(second.values().keySet()));
        long lineCount = text.replaceFirst("^\uFEFF", "").lines().count();
        assertTrue(lineCount >= LINES, "generated " + lineCount + " lines");
        assertFalse(first.problems().isEmpty(), "random input should contain problems");
        assertFalse(first.values().isEmpty(), "random input should contain values");
        for (EnvProblem problem : first.problems()) {
            assertEquals(SOURCE, problem.file());
            assertTrue(problem.line() >= 1 && problem.line() <= lineCount, problem.describe());
            assertFalse(problem.message().isBlank(), problem.describe());
            assertFalse(problem.message().contains("\n") || problem.message().contains("\0"), problem.describe());
        }
        first.values().forEach((key, value) -> {
            assertTrue(KEY.matcher(key).matches(), key);
            assertFalse(value.contains("\0"), key);
        });
        askedNames.forEach(name -> assertTrue(LOOKUP_NAME.matcher(name).matches(), name));
        assertFalse(Files.exists(marker), "nothing may be executed");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8, 9})
    void generatedTextNeverBreaksTheInterpolator(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 2_000; round++) {
            String text = randomTokens(random, 30);
            Interpolator.Result first = assertDoesNotThrow(() -> Interpolator.interpolate(text, Map.of("A", "a")::get));
            assertEquals(first, Interpolator.interpolate(text, Map.of("A", "a")::get));
        }
    }

    /** Builds a file of random lines, some shaped like statements and some carrying a payload. */
    private static String generate(Random random, Path marker) {
        String[] payloads = {"$(touch " + marker + ")", "`touch " + marker + "`", "\"$(touch " + marker + ")\""};
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < LINES; line++) {
            int shape = random.nextInt(10);
            if (shape < 4) {
                text.append("K").append(random.nextInt(50)).append('=');
            } else if (shape == 4) {
                text.append("K").append(random.nextInt(50)).append('=').append(payloads[random.nextInt(payloads.length)]);
            } else if (shape == 5) {
                text.append(payloads[random.nextInt(payloads.length)]);
            }
            text.append(randomTokens(random, 12)).append('\n');
        }
        return text.toString();
    }

    private static String randomTokens(Random random, int maximumTokens) {
        StringBuilder tokens = new StringBuilder();
        int count = random.nextInt(maximumTokens + 1);
        for (int index = 0; index < count; index++) {
            tokens.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return tokens.toString();
    }
}
