package dev.kompose.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.StackFolder;
import dev.kompose.testing.Tmux;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** As you type, in a real terminal (tmux): suggestions from history, hints from the command model, unknown words marked. */
@Tag("terminal")
class ShellTypingTest {
    @TempDir
    Path root;
    @TempDir
    Path scratch;
    private Tmux tmux;

    @AfterEach
    void close() {
        if (tmux != null) {
            tmux.close();
        }
    }

    private String shell() throws Exception {
        new StackFolder(root).stackWithoutDatabase("news");
        new StackFolder(root).stackWithoutDatabase("blog");
        tmux = Tmux.start(scratch, Map.of("HOME", scratch.toString(), "XDG_STATE_HOME", scratch.resolve("state").toString(),
                "TERM", "xterm-256color"), List.of("CI"), "-C", root.toString(), "shell");
        String prompt = "kompose " + root + "> ";
        tmux.waitFor(prompt);
        return prompt;
    }

    @Test
    void theFirstLettersOfAnEarlierCommandShowTheRestAndRightArrowAcceptsIt() throws Exception {
        String prompt = shell();
        tmux.type("news hooks").press("Enter");
        tmux.waitForCount(prompt, 2);
        tmux.type("ne");
        tmux.waitFor(prompt + "news hooks"); // the suggestion, drawn after the cursor
        tmux.press("Right").press("Enter");
        tmux.waitForCount(prompt, 3);
        String screen = tmux.screen();
        assertTrue(screen.split("\\[STACK: news\\]", -1).length - 1 >= 2, "the accepted line ran again:\n" + screen);
    }

    @Test
    void theStatusLineDescribesTheVerbAndTheOptionFromTheModel() throws Exception {
        String prompt = shell();
        tmux.type("news db:cleanup");
        tmux.waitFor("db:cleanup: delete the dumps no rule keeps");
        tmux.type(" --ke");
        tmux.waitFor("--keep N: ");
        tmux.press("C-u");
        tmux.type("-n");
        tmux.waitFor("-n, --dry-run: ");
        tmux.press("C-u").type("list").press("Enter");
        String screen = tmux.waitForCount(prompt, 2);
        assertTrue(screen.contains("2 stacks"), screen);
    }

    @Test
    void anUnknownStackOrCommandIsMarkedBeforeEnter() throws Exception {
        shell();
        tmux.type("nws db:exprt");
        // tmux delivers the keys while the shell draws: the line is judged once all of it is on screen
        tmux.waitFor("nws and the unknown db: command in red",
                screen -> escaped().contains("31mnws") && escaped().contains("31mdb:exprt"), Duration.ofSeconds(10));
        tmux.press("C-u").type("news db:export");
        tmux.waitFor("known words plain", screen -> !escaped().contains("31mnews") && !escaped().contains("31mdb:export"),
                Duration.ofSeconds(10));
    }

    private String escaped() {
        return tmux.screenWithColours();
    }
}
