package dev.kompose.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    /** Lines that safety/Json.java, the hand-written writer JsonText replaced, produced for such entries. */
    static final String OLD_WRITER_ENTRY = "{\"time\":\"2025-03-01T10:15:30.123456Z\",\"user\":\"jürgen\",\"host\":\"build-01\","
            + "\"pid\":48213,\"command\":\"db:export --tag \\\"nightly\\\"\",\"stack\":\"app\",\"outcome\":\"failed\",\"exit\":1,"
            + "\"seconds\":12.5,\"message\":\"pg_dump: error:\\n\\tline 2 \\\\ back\\u0001\\u0008\\u000c\\u2028 🙂 ünï\","
            + "\"stages\":[{\"stage\":\"lock\",\"outcome\":\"succeeded\",\"seconds\":0.002,\"message\":\"\",\"cleanup\":false},"
            + "{\"stage\":\"pg_dump\",\"outcome\":\"failed\",\"seconds\":3.0,\"message\":\"exit 1\",\"cleanup\":true}],"
            + "\"dumpsWritten\":[\"/srv/dumps/app 2025.sql.gz\"],\"dumpsRead\":[],\"filesDeleted\":[\"/tmp/x\",\"/tmp/\\\"y\\\"\"]}";
    static final String OLD_WRITER_NESTED = "{\"time\":\"2025-03-01T10:16:00Z\",\"pid\":7,\"exit\":0,\"seconds\":0.75,"
            + "\"message\":null,\"nested\":[[1,-2],[],{}]}";

    static Map<String, Object> oldWriterEntry() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", "2025-03-01T10:15:30.123456Z");
        entry.put("user", "jürgen");
        entry.put("host", "build-01");
        entry.put("pid", 48213L);
        entry.put("command", "db:export --tag \"nightly\"");
        entry.put("stack", "app");
        entry.put("outcome", "failed");
        entry.put("exit", 1L);
        entry.put("seconds", 12.5);
        entry.put("message", "pg_dump: error:\n\tline 2 \\ back\u0001\b\f\u2028 🙂 ünï");
        entry.put("stages", List.of(
                ordered("stage", "lock", "outcome", "succeeded", "seconds", 0.002, "message", "", "cleanup", false),
                ordered("stage", "pg_dump", "outcome", "failed", "seconds", 3.0, "message", "exit 1", "cleanup", true)));
        entry.put("dumpsWritten", List.of("/srv/dumps/app 2025.sql.gz"));
        entry.put("dumpsRead", List.of());
        entry.put("filesDeleted", List.of("/tmp/x", "/tmp/\"y\""));
        return entry;
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            map.put((String) keysAndValues[index], keysAndValues[index + 1]);
        }
        return map;
    }

    @Test
    void linesOfTheOldWriterReadBackIdentically() {
        Map<?, ?> read = (Map<?, ?>) JsonText.read(OLD_WRITER_ENTRY);
        assertEquals(oldWriterEntry(), read);
        assertEquals(List.copyOf(oldWriterEntry().keySet()), List.copyOf(read.keySet()), "field order");
        assertInstanceOf(Long.class, read.get("pid"));
        assertInstanceOf(Double.class, read.get("seconds"));

        Map<String, Object> nested = ordered("time", "2025-03-01T10:16:00Z", "pid", 7L, "exit", 0L, "seconds", 0.75,
                "message", null, "nested", List.of(List.of(1L, -2L), List.of(), Map.of()));
        assertEquals(nested, JsonText.read(OLD_WRITER_NESTED));
    }

    @Test
    void writesTheSameBytesAsTheOldWriterSaveForTwoShortEscapes() {
        String written = JsonText.line(oldWriterEntry());
        // the old writer spelled backspace and form feed \u0008 and \u000c; Gson writes \b and \f
        assertEquals(OLD_WRITER_ENTRY.replace("\\u0008", "\\b").replace("\\u000c", "\\f"), written);
        assertEquals(OLD_WRITER_NESTED, JsonText.line(JsonText.read(OLD_WRITER_NESTED)));
    }

    @Test
    void hostileTextRoundTripsOnOneLine() {
        String hostile = "quote\" back\\slash\nnew\r\u0000nul\u001f\u2028ls\u2029ps <tag>&='x' $(rm -rf /) `id` ünï 🙂";
        Map<String, Object> value = ordered("text", hostile, "list", List.of(1L, true));
        String line = JsonText.line(value);
        assertEquals(-1, line.indexOf('\n'));
        assertFalse(line.chars().anyMatch(character -> character < 0x20 || character == 0x2028 || character == 0x2029), line);
        assertEquals("{\"text\":\"quote\\\" back\\\\slash\\nnew\\r\\u0000nul\\u001f\\u2028ls\\u2029ps <tag>&='x' $(rm -rf /)"
                + " `id` ünï 🙂\",\"list\":[1,true]}", line);
        assertEquals(value, JsonText.read(line));
    }

    @Test
    void numbersComeBackAsLongWhenIntegralElseDouble() {
        Map<?, ?> read = (Map<?, ?>) JsonText.read(JsonText.line(
                ordered("int", 5, "long", 12345678901L, "negative", -3L, "double", 2.0, "fraction", 0.01, "float", 1.5f)));
        assertEquals(ordered("int", 5L, "long", 12345678901L, "negative", -3L, "double", 2.0, "fraction", 0.01, "float", 1.5),
                read);
        assertEquals(1000.0, JsonText.read("1e3"));
        assertInstanceOf(Double.class, JsonText.read("123456789012345678901234"));
    }

    @Test
    void neverWritesNaNOrInfinity() {
        assertThrows(IllegalArgumentException.class, () -> JsonText.line(Map.of("seconds", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> JsonText.line(List.of(Float.POSITIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class, () -> JsonText.line(Double.NEGATIVE_INFINITY));
    }

    @Test
    void writesRecordsInDeclarationOrderAndNulls() {
        record Progress(int schemaVersion, String stack, Double seconds, List<String> files) {
        }
        assertEquals("{\"schemaVersion\":1,\"stack\":\"app\",\"seconds\":null,\"files\":[\"a\"]}",
                JsonText.line(new Progress(1, "app", null, List.of("a"))));
        assertEquals("[null,\"x\"]", JsonText.line(Arrays.asList(null, "x")));
    }

    @Test
    void refusesWhatIsNotExactlyOneStandardValue() {
        List<String> malformed = new ArrayList<>(List.of(
                "{\"a\":\"cut sho", "{\"a\":[1,2", "{\"a\":1,", "{\"a\":NaN}", "{\"a\":Infinity}", "{'a':1}", "{a:1}",
                "{\"a\":1} trailing", "{\"a\":1}{\"b\":2}", "{\"a\":1 /* comment */}", "{\"a\":01}", "{\"a\":\"\\x\"}",
                "{\"a\":\"raw\u0001control\"}", "{\"a\":1e999}", "{\"a\":\"\\u12\"}"));
        malformed.add("[".repeat(100_000) + "]".repeat(100_000));
        malformed.add("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
        malformed.add("[".repeat(256) + "]".repeat(256));
        for (String text : malformed) {
            assertThrows(IllegalArgumentException.class, () -> JsonText.read(text),
                    text.length() > 60 ? text.substring(0, 60) : text);
        }
        assertInstanceOf(List.class, JsonText.read("[".repeat(255) + "]".repeat(255)));
    }
}
