package dev.kompose.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import dev.kompose.testing.Tmux;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command model in a real terminal (tmux, without CI in the environment, as a person's
 * terminal): TAB offers the options of kompose's own commands, options given before {@code shell}
 * hold for every line, and stacks named like kompose's commands are addressed like any other.
 */
@Tag("terminal")
@Tag("postgres")
class CommandModelTerminalTest {
    private static final String DATABASE = "modelterm";
    private final PostgresServer server = PostgresServer.get();
    @TempDir
    Path root;
    @TempDir
    Path scratch;
    private Tmux tmux;

    @BeforeEach
    void stacks() throws IOException {
        server.recreateDatabase(DATABASE);
        server.sql(DATABASE, "CREATE TABLE item (id int PRIMARY KEY, name text); "
                + "INSERT INTO item SELECT i, 'name ' || i FROM generate_series(1, 1000) i");
        StackFolder folder = new StackFolder(root);
        folder.databaseStack("app", server, DATABASE);
        folder.stackWithoutDatabase("journal");
        folder.stackWithoutDatabase("list");
    }

    @AfterEach
    void close() {
        if (tmux != null) {
            tmux.close();
        }
    }

    private void shell(String prompt, String... options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-C", root.toString()));
        arguments.addAll(List.of(options));
        arguments.add("shell");
        tmux = Tmux.start(scratch, Map.of("HOME", scratch.toString(), "XDG_STATE_HOME", scratch.resolve("state").toString(),
                "TERM", "xterm-256color", "KOMPOSE_COMPOSE", "docker compose",
                "KOMPOSE_JOURNAL", scratch.resolve("journal.jsonl").toString()), List.of("CI"), arguments.toArray(String[]::new));
        tmux.waitFor(prompt);
    }

    @Test
    void tabOffersTheOptionsOfKomposesOwnCommands() throws Exception {
        String prompt = "kompose " + root + "> ";
        shell(prompt);
        tmux.type("app db:export --f").press("Tab");
        tmux.waitFor(prompt + "app db:export --format ");
        tmux.press("Tab");
        tmux.waitFor("the formats offered", screen -> screen.contains("plain") && screen.contains("gzip")
                && screen.contains("custom"), Duration.ofSeconds(10));
        tmux.press("C-c");
        tmux.waitForCount(prompt, 2);
        tmux.type("app db:import --k").press("Tab");
        tmux.waitFor(prompt + "app db:import --keep-previous ");
        tmux.type("--j").press("Tab");
        tmux.waitFor(prompt + "app db:import --keep-previous --jobs ");
        tmux.press("C-c");
        tmux.waitForCount(prompt, 3);
        tmux.type("app db:cleanup --wa").press("Tab");
        tmux.waitFor(prompt + "app db:cleanup --wait ");
    }

    @Test
    void progressGivenBeforeShellHoldsForEveryLine() throws Exception {
        String prompt = "kompose " + root + " [progress=plain]> ";
        shell(prompt, "--progress", "plain");
        tmux.type("app db:export").press("Enter");
        String screen = tmux.waitFor("the export's summary", text -> text.contains("Summary: 1 succeeded"), Duration.ofSeconds(60));
        assertTrue(screen.contains("[PROGRESS] app: pg_dump 100%"), "plain progress lines, not the panel:\n" + screen);
        tmux.waitForCount(prompt, 2);
        tmux.type("-y app db:import").press("Enter");
        screen = tmux.waitFor("the import's summary", text -> text.contains("Summary: 1 succeeded, 0 failed out of 1 stacks")
                && text.indexOf("Summary: 1 succeeded") != text.lastIndexOf("Summary: 1 succeeded"), Duration.ofSeconds(60));
        assertTrue(screen.contains("[PROGRESS] app: psql 100%"), "the second line too:\n" + screen);
    }

    @Test
    void stacksNamedJournalAndListAreAddressedInTheShell() throws Exception {
        String prompt = "kompose " + root + "> ";
        shell(prompt);
        tmux.type("journal,list ps --dry-run").press("Enter");
        String screen = tmux.waitFor("both stacks planned", text -> text.contains("Summary: 2 succeeded"), Duration.ofSeconds(30));
        assertTrue(screen.contains("[STACK: journal]") && screen.contains("[STACK: list]"), screen);
        assertTrue(screen.contains("$ docker compose -f compose.yaml ps"), screen);
        tmux.type("journal ps --dry-run").press("Enter");
        screen = tmux.waitFor("one stack planned", text -> text.contains("Summary: 1 succeeded"), Duration.ofSeconds(30));
        assertFalse(screen.contains("Unmatched argument"), screen);
        tmux.type("list").press("Enter");
        tmux.waitFor("the stack listing", text -> text.contains("3 stacks"), Duration.ofSeconds(30));
    }
}
