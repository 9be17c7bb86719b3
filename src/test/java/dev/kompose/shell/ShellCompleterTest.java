package dev.kompose.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.cli.CommandCompletion;
import dev.kompose.cli.CompletionSource;
import dev.kompose.cli.Session;
import dev.kompose.exec.ZtProcessRunner;
import dev.kompose.testing.StackFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell's completion, through the real line reader on a JLine DumbTerminal fed from a pipe. The
 * terminal type is "ansi": with type "dumb" JLine reads TAB as plain whitespace and never completes.
 */
class ShellCompleterTest {
    @TempDir
    Path root;
    @TempDir
    Path state;
    private StackFolder folder;
    private Session session;

    @BeforeEach
    void stacks() throws IOException {
        folder = new StackFolder(root);
        folder.stackWithoutDatabase("news");
        folder.stackWithoutDatabase("blog");
        folder.stackWithoutDatabase("billing");
        folder.stackWithoutDatabase("auth");
        folder.env("news", "DB_NAME=newsdb\nDB_USER=news\nNEWS_ONLY_KEY=1\n");
        folder.hooks("news", "hook_pre_db_export() {\n  echo pre\n}\nfunction hook_post_db_import {\n  echo post\n}\nhelper() { :; }\n");
        Files.writeString(root.resolve(".env"), "ROOT_LEVEL_KEY=yes\n");
        Map<String, String> environment = Map.of("HOME", state.toString(), "XDG_STATE_HOME", state.toString());
        StringWriter ignored = new StringWriter();
        session = new Session(environment, new ZtProcessRunner(), Clock.systemDefaultZone(), new PrintWriter(ignored),
                new PrintWriter(ignored));
        session = session.with(session.settings().withRoot(root));
    }

    /** Types the keys into the shell's line reader and returns the line it accepts. */
    private String type(String keys) throws Exception {
        PipedInputStream in = new PipedInputStream();
        PipedOutputStream feed = new PipedOutputStream(in);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (DumbTerminal terminal = new DumbTerminal("test", "ansi", in, screen, StandardCharsets.UTF_8)) {
            LineReader reader = shell().lineReader(terminal);
            feed.write((keys + "\n").getBytes(StandardCharsets.UTF_8));
            feed.flush();
            return reader.readLine("> ");
        } finally {
            feed.close();
        }
    }

    private KomposeShell shell() {
        return new KomposeShell(session);
    }

    private ShellCompleter completer() {
        return new ShellCompleter(new CommandCompletion(new CompletionSource(session::root, session.processEnvironment())),
                () -> session.settings().overrides().keySet());
    }

    private List<String> candidates(List<String> before, String current) {
        ShellCompleter completer = completer();
        return completer.candidates(before, current).stream().map(Candidate::value).toList();
    }

    @Test
    void tabCompletesAStackNameInThePatternPosition() throws Exception {
        assertEquals("news ", type("ne\t"));
        assertEquals("auth ", type("a\t"));
    }

    @Test
    void theFirstWordOffersEveryStackAndStarAndTheBuiltins() {
        List<String> offered = candidates(List.of(), "");
        assertTrue(offered.containsAll(List.of("*", "auth", "billing", "blog", "news", "step", "dry-run", "exit")), offered.toString());
    }

    @Test
    void afterACommaTheStacksAreOfferedAgainWithTheListBeforeThem() throws Exception {
        assertEquals("news,blog ", type("news,bl\t"));
        List<String> offered = candidates(List.of(), "news,b");
        assertTrue(offered.containsAll(List.of("news,billing", "news,blog", "news,*")), offered.toString());
        assertFalse(offered.contains("news,news"), "a stack already listed is not offered again: " + offered);
    }

    @Test
    void theSecondWordOffersTheCommands() throws Exception {
        assertEquals("news db:export ", type("news db:e\t"));
        List<String> offered = candidates(List.of("news"), "");
        assertTrue(offered.containsAll(List.of("db:export", "db:import", "db:cleanup", "db:list", "hooks", "up", "down", "ps", "logs")),
                offered.toString());
    }

    @Test
    void dbImportOffersTheDumpFilesOfTheChosenStackNewestFirst() throws Exception {
        Path news = root.resolve("news");
        Files.writeString(news.resolve("newsdb_20250101_120000.sql"), "old");
        Files.writeString(news.resolve("newsdb_20251011_005049.sql"), "newest");
        Files.writeString(news.resolve("newsdb_20250601_080000.sql"), "middle");
        Files.writeString(news.resolve("hand_named_backup.sql"), "not a dump");
        ShellCompleter completer = completer();
        List<Candidate> dumps = completer.candidates(List.of("news", "db:import"), "").stream()
                .filter(candidate -> candidate.value().endsWith(".sql")).sorted().toList();
        assertEquals(List.of("newsdb_20251011_005049.sql", "newsdb_20250601_080000.sql", "newsdb_20250101_120000.sql"),
                dumps.stream().map(Candidate::value).toList(), "JLine's own ordering of the candidates");
        assertEquals("news db:import newsdb_20250601_080000.sql ", type("news db:import newsdb_202506\t"));
        assertTrue(candidates(List.of("news", "db:import"), "--").contains("--keep-previous"));
    }

    @Test
    void aStackCreatedWhileTheShellRunsIsOfferedAtTheNextTab() throws Exception {
        PipedInputStream in = new PipedInputStream();
        try (PipedOutputStream feed = new PipedOutputStream(in);
                DumbTerminal terminal = new DumbTerminal("test", "ansi", in, new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            LineReader reader = shell().lineReader(terminal);
            feed.write("newc\t\n".getBytes(StandardCharsets.UTF_8));
            feed.flush();
            assertEquals("newc", reader.readLine("> "), "no such stack yet");
            folder.stackWithoutDatabase("newcomer");
            feed.write("newc\t\n".getBytes(StandardCharsets.UTF_8));
            feed.flush();
            assertEquals("newcomer ", reader.readLine("> "), "the same reader sees the new stack at the next TAB");
        }
    }

    @Test
    void hooksOffersTheHookFunctionsTheStackDefines() {
        List<String> offered = candidates(List.of("news", "hooks"), "");
        assertTrue(offered.containsAll(List.of("hook_pre_db_export", "hook_post_db_import")), offered.toString());
        assertFalse(offered.contains("helper"), offered.toString());
    }

    @Test
    void optionsComeFromThePicocliModelAndTheirValuesAreCompleted() throws Exception {
        List<String> options = candidates(List.of(), "-");
        assertTrue(options.containsAll(List.of("--dry-run", "-n", "--env", "--root", "--step", "--yes", "--hook-timeout")),
                options.toString());
        List<String> keys = candidates(List.of("-e"), "");
        assertTrue(keys.containsAll(List.of("ROOT_LEVEL_KEY=", "DB_PASSWORD=")), keys.toString());
        assertEquals("-e ROOT_LEVEL_KEY=", type("-e ROOT\t"), "no space after KEY=");
        assertEquals("--root " + root.resolve("news") + "/", type("--root " + root + "/ne\t"));
        assertTrue(candidates(List.of("set"), "").contains("DB_HOST="));
        assertEquals(List.of("on", "off"), candidates(List.of("dry-run"), ""));
    }

    @Test
    void stepCompletesLikeTheCommandLine() throws Exception {
        assertEquals("step news db:export ", type("step ne\tdb:exp\t"));
    }

    @Test
    void noDidYouMeanMenuForATypo() throws Exception {
        assertEquals("nwes", type("nwes\t"), "a typo is left as typed, not replaced by a guess");
    }
}
