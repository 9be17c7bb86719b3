package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.db.DumpFormat;
import dev.kompose.exec.ProcessRunner;
import dev.kompose.testing.StackFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Each verb's model, built in code, parses the command lines it parsed when it was read from
 * annotations: the same values, the same defaults, the same usage errors word for word, and the
 * verb runs with the values parsed.
 */
class CommandModelParsingTest {

    private static CommandModel.Verb verb(String name) {
        return CommandModel.verbs().stream().filter(verb -> verb.name().equals(name)).findFirst().orElseThrow();
    }

    /** The verb's model after parsing the words. */
    private static CommandSpec parsed(String verb, String... words) {
        CommandSpec spec = verb(verb).spec();
        new CommandLine(spec).parseArgs(words);
        return spec;
    }

    private static <T> T value(CommandSpec spec, String name) {
        return CommandSpecs.value(spec, name);
    }

    private static String usageError(String verb, String... words) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        return assertThrows(UsageException.class, () -> VerbParser.parse(verb(verb), List.of(words), discard)).getMessage();
    }

    @Test
    void exportTakesAFormatAndTheLockedRunOptions() {
        CommandSpec gzip = parsed("db:export", "--format", "gzip", "--wait");
        assertEquals(DumpFormat.GZIP, value(gzip, "--format"));
        assertTrue(CommandSpecs.isSet(gzip, "--wait"));
        assertFalse(CommandSpecs.isSet(gzip, "--dry-run"));
        CommandSpec plain = parsed("db:export", "--dry-run");
        assertEquals(DumpFormat.PLAIN, value(plain, "--format"));
        assertFalse(CommandSpecs.isSet(plain, "--wait"));
        assertTrue(CommandSpecs.isSet(plain, "--dry-run"));
        assertEquals(DumpFormat.CUSTOM, value(parsed("db:export", "--format=custom"), "--format"));
    }

    @Test
    void importAndVerifyTakeAFileAndWorkers() {
        CommandSpec keep = parsed("db:import", "app_20250101_020000.sql", "--keep-previous");
        assertEquals("app_20250101_020000.sql", value(keep, "FILE"));
        assertTrue(CommandSpecs.isSet(keep, "--keep-previous"));
        assertEquals(1, (int) value(keep, "--jobs"));
        CommandSpec newest = parsed("db:import", "--jobs", "4", "--wait");
        assertNull(value(newest, "FILE"));
        assertEquals(4, (int) value(newest, "--jobs"));
        assertFalse(CommandSpecs.isSet(newest, "--keep-previous"));
        CommandSpec verify = parsed("db:verify", "app.dump", "--jobs", "2", "--dry-run");
        assertEquals("app.dump", value(verify, "FILE"));
        assertEquals(2, (int) value(verify, "--jobs"));
        assertEquals(1, (int) value(parsed("db:verify"), "--jobs"));
    }

    @Test
    void cleanupTakesItsRetentionRules() {
        CommandSpec daily = parsed("db:cleanup", "--keep-daily", "7", "--dry-run");
        assertNull(value(daily, "--keep"), "--keep not given stays unset: the calendar rules then replace its default");
        assertEquals(7, (int) value(daily, "--keep-daily"));
        assertEquals(0, (int) value(daily, "--keep-weekly"));
        assertEquals(0, (int) value(daily, "--keep-monthly"));
        assertTrue(CommandSpecs.isSet(daily, "--dry-run"));
        CommandSpec all = parsed("db:cleanup", "--keep", "3", "--keep-weekly", "4", "--keep-monthly", "6", "--wait");
        assertEquals(3, (int) value(all, "--keep"));
        assertEquals(4, (int) value(all, "--keep-weekly"));
        assertEquals(6, (int) value(all, "--keep-monthly"));
        assertTrue(CommandSpecs.isSet(all, "--wait"));
    }

    @Test
    void theListingsStatusAndJournalTakeTheirOptions() {
        assertEquals(Duration.ofHours(26), value(parsed("status", "--max-age", "26h"), "--max-age"));
        assertNull(value(parsed("status"), "--max-age"));
        assertEquals(List.of("pre_up", "hook_post_db_export"), value(parsed("hooks", "pre_up", "hook_post_db_export"), "NAME"));
        assertEquals(List.of(), value(parsed("hooks", "--dry-run"), "NAME"));
        assertTrue(CommandSpecs.isSet(parsed("db:list", "--dry-run"), "--dry-run"));
        CommandSpec journal = parsed("journal", "--stack", "news", "--last", "3", "--json");
        assertEquals("news", value(journal, "--stack"));
        assertEquals(3, (int) value(journal, "--last"));
        assertTrue(CommandSpecs.isSet(journal, "--json"));
        CommandSpec defaults = parsed("journal");
        assertNull(value(defaults, "--stack"));
        assertEquals(20, (int) value(defaults, "--last"));
        assertFalse(CommandSpecs.isSet(defaults, "--json"));
        assertEquals("zsh", value(parsed("completion", "zsh"), "SHELL"));
        assertEquals("kompose news db:", value(parsed(CommandModel.COMPLETE, "kompose news db:"), "LINE"));
        assertEquals("", value(parsed(CommandModel.COMPLETE), "LINE"));
    }

    @Test
    void everyVerbIsMadeFromItsParsedModelAndHelpIsAskedWithDashH() {
        List<String> words = new ArrayList<>();
        for (CommandModel.Verb verb : CommandModel.verbs()) {
            List<String> arguments = verb.name().equals("completion") ? List.of("bash") : List.of();
            Object parsed = VerbParser.parse(verb, arguments, new PrintWriter(Writer.nullWriter()));
            assertTrue(parsed instanceof StackVerb || parsed instanceof StandaloneVerb, verb.name() + " made " + parsed);
            if (!verb.hidden()) {
                StringWriter help = new StringWriter();
                assertNull(VerbParser.parse(verb, List.of("-h"), new PrintWriter(help)), verb.name());
                assertTrue(help.toString().startsWith("Usage: kompose "), help.toString());
                words.add(verb.name());
            }
        }
        assertInstanceOf(ExportVerb.class, VerbParser.parse(verb("db:export"), List.of("--format", "gzip"),
                new PrintWriter(Writer.nullWriter())));
        assertEquals(11, words.size(), words.toString());
    }

    @Test
    void wrongWordsGiveTheUsageErrorsTheyAlwaysGave() {
        assertEquals("db:export: Unknown option: '--bogus'", usageError("db:export", "--bogus"));
        assertEquals("db:export: Unmatched argument at index 0: 'extra'", usageError("db:export", "extra"));
        assertEquals("db:export: Invalid value for option '--format': Invalid dump format: zip (expected plain, gzip or custom)",
                usageError("db:export", "--format", "zip"));
        assertEquals("db:import: Unmatched argument at index 1: 'b'", usageError("db:import", "a", "b"));
        assertEquals("db:import: Invalid value for option '--jobs': 'x' is not an int", usageError("db:import", "--jobs", "x"));
        assertEquals("db:import: Missing required parameter for option '--jobs' (N)", usageError("db:import", "--jobs"));
        assertEquals("db:verify: Unknown option: '--keep-previous'", usageError("db:verify", "--keep-previous"));
        assertEquals("db:cleanup: Invalid value for option '--keep': 'x' is not an int", usageError("db:cleanup", "--keep", "x"));
        assertEquals("db:cleanup: Missing required parameter for option '--keep-daily' (D)", usageError("db:cleanup", "--keep-daily"));
        assertEquals("db:list: Unknown option: '--wait'", usageError("db:list", "--wait"));
        assertEquals("hooks: Unknown option: '--format'", usageError("hooks", "--format"));
        assertEquals("status: Invalid value for option '--max-age': the duration must be more than zero",
                usageError("status", "--max-age", "0"));
        assertEquals("status: Invalid value for option '--max-age': Invalid duration: xyz (expected e.g. 30s, 10m, 1h30m, 2d)",
                usageError("status", "--max-age", "xyz"));
        assertEquals("status: Unknown option: '--dry-run'", usageError("status", "--dry-run"));
        assertEquals("journal: Unknown option: '--bogus'", usageError("journal", "--bogus"));
        assertEquals("list: Unknown option: '--bogus'", usageError("list", "--bogus"));
        assertEquals("completion: Missing required parameter: 'SHELL'", usageError("completion"));
        assertFalse(VerbParser.accepts(verb("completion"), List.of("bash", "zsh")));
        assertTrue(VerbParser.accepts(verb("journal"), List.of("--last", "2")));
    }

    @Test
    void theDatabaseVerbsRunWithTheValuesParsed(@TempDir Path root) throws Exception {
        new StackFolder(root).databaseStackWithoutServer("app");
        assertEquals("[INFO] db:export --format gzip --wait on 1 stack: app (dry run: nothing is executed)",
                firstLine(root, "app", "db:export", "--format", "gzip", "--wait", "--dry-run"));
        assertEquals("[INFO] db:import app_20250101_020000.sql --keep-previous --jobs 4 --wait on 1 stack: app"
                + " (dry run: nothing is executed)",
                firstLine(root, "app", "db:import", "app_20250101_020000.sql", "--keep-previous", "--jobs", "4", "--wait", "--dry-run"));
        assertEquals("[INFO] db:verify app.dump --jobs 2 on 1 stack: app (dry run: nothing is executed)",
                firstLine(root, "app", "db:verify", "app.dump", "--jobs", "2", "--dry-run"));
        assertEquals("[INFO] db:cleanup --keep-daily 7 on 1 stack: app (dry run: nothing is executed)",
                firstLine(root, "app", "db:cleanup", "--keep-daily", "7", "--dry-run"));
        assertEquals("[INFO] db:cleanup --keep 3 --keep-weekly 4 --keep-monthly 6 --wait on 1 stack: app (dry run: nothing is executed)",
                firstLine(root, "app", "db:cleanup", "--keep", "3", "--keep-weekly", "4", "--keep-monthly", "6", "--wait", "--dry-run"));
    }

    /** The first line kompose prints for the arguments, run in this JVM (a dry run starts no process), whatever its exit status. */
    private static String firstLine(Path root, String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ProcessRunner refuse = (command, observer, cancellation) -> {
            throw new AssertionError("a dry run started " + command);
        };
        Session session = new Session(Map.of("KOMPOSE_JOURNAL", root.resolve("journal.jsonl").toString()), refuse,
                Clock.systemUTC(), new PrintWriter(out), new PrintWriter(err));
        List<String> words = new ArrayList<>(List.of("-C", root.toString(), "--progress", "none"));
        words.addAll(List.of(arguments));
        CommandLines.create(session, question -> null).execute(words.toArray(String[]::new));
        return out.toString().lines().findFirst().orElse(err.toString());
    }
}
