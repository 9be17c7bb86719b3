package dev.kompose.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal file itself, without a database: format, permissions and lines it cannot read. */
class JournalFileTest {
    /** Two lines as the hand-written writer before Gson wrote them. */
    private static final String OLD_LINES = """
            {"time":"2025-03-01T10:15:30Z","user":"jürgen","host":"h","pid":48213,"command":"db:export","stack":"app",\
            "outcome":"failed","exit":1,"seconds":12.5,"message":"line\\n\\"two\\" \\u0001\\u2028 🙂","stages":[{"stage":"lock",\
            "kind":"lock","outcome":"succeeded","seconds":0.0}],"dumpsWritten":["/srv/d 1.sql"],"dumpsRead":[],"filesDeleted":[]}
            {"time":"2025-03-01T10:16:00Z","pid":7,"stack":"web","exit":0,"seconds":0.75,"nested":[[1,-2],[],{}]}
            """;

    private static Map<String, Object> entry(String stack, double seconds) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", "2025-03-01T10:15:30Z");
        entry.put("pid", ProcessHandle.current().pid());
        entry.put("stack", stack);
        entry.put("exit", 0);
        entry.put("seconds", seconds);
        entry.put("message", "ünï \"quoted\"\nsecond line");
        entry.put("dumpsWritten", List.of("/srv/dumps/a b.sql"));
        return entry;
    }

    @Test
    void appendsOneUtf8LinePerEntryReadableByItsOwnerOnly(@TempDir Path root) throws Exception {
        Journal journal = new Journal(root.resolve("state/kompose/journal.jsonl"));
        journal.append(entry("app", 1.25));
        journal.append(entry("web", 2.0));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.file())));
        List<String> lines = Files.readAllLines(journal.file(), StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertEquals("{\"time\":\"2025-03-01T10:15:30Z\",\"pid\":" + ProcessHandle.current().pid()
                + ",\"stack\":\"app\",\"exit\":0,\"seconds\":1.25,\"message\":\"ünï \\\"quoted\\\"\\nsecond line\","
                + "\"dumpsWritten\":[\"/srv/dumps/a b.sql\"]}", lines.get(0));

        Journal.Entries read = journal.read();
        assertEquals(0, read.skipped());
        Map<String, Object> first = read.entries().get(0);
        assertEquals(List.copyOf(entry("app", 1.25).keySet()), List.copyOf(first.keySet()));
        assertEquals(ProcessHandle.current().pid(), first.get("pid"));
        assertEquals(0L, first.get("exit"));
        assertEquals(2.0, read.entries().get(1).get("seconds"));
        assertInstanceOf(Double.class, read.entries().get(1).get("seconds"));
    }

    @Test
    void linesWrittenBeforeGsonReadBackAsTheyWere(@TempDir Path root) throws Exception {
        Journal journal = new Journal(Files.writeString(root.resolve("journal.jsonl"), OLD_LINES));
        Journal.Entries read = journal.read();
        assertEquals(0, read.skipped());
        assertEquals(2, read.entries().size());
        Map<String, Object> first = read.entries().get(0);
        assertEquals(48213L, first.get("pid"));
        assertEquals(12.5, first.get("seconds"));
        assertEquals("line\n\"two\" \u0001\u2028 🙂", first.get("message"));
        assertEquals(List.of(Map.of("stage", "lock", "kind", "lock", "outcome", "succeeded", "seconds", 0.0)), first.get("stages"));
        assertEquals(List.of(List.of(1L, -2L), List.of(), Map.of()), read.entries().get(1).get("nested"));

        StringWriter out = new StringWriter();
        dev.kompose.cli.Session session = new dev.kompose.cli.Session(Map.of("KOMPOSE_JOURNAL", journal.file().toString()),
                new dev.kompose.testing.FakeProcessRunner(), java.time.Clock.systemUTC(), new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        int status = dev.kompose.cli.CommandLines.create(session, question -> null).execute("journal", "--json");
        assertEquals(0, status);
        assertEquals(OLD_LINES, out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void linesCutShortHostileOrNotObjectsAreCountedAsSkipped(@TempDir Path root) throws Exception {
        String good = "{\"stack\":\"app\",\"pid\":1}";
        String lines = String.join("\n", good,
                "{\"stack\":\"app\",\"pid\":1,\"mess",
                "[".repeat(200_000) + "]".repeat(200_000),
                "{\"a\":".repeat(50_000),
                "[1,2]",
                "\"just a string\"",
                "{\"a\":NaN}",
                "{\"a\":1} {\"b\":2}",
                "not json at all",
                "",
                good) + "\n";
        Journal.Entries read = new Journal(Files.writeString(root.resolve("journal.jsonl"), lines)).read();
        assertEquals(2, read.entries().size());
        assertEquals(8, read.skipped());
        assertTrue(read.entries().stream().allMatch(entry -> entry.get("pid").equals(1L)));
    }

    @Test
    void aMissingJournalHasNoEntries(@TempDir Path root) throws Exception {
        Journal.Entries read = new Journal(root.resolve("none.jsonl")).read();
        assertEquals(List.of(), read.entries());
        assertEquals(0, read.skipped());
    }
}
