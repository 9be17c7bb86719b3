package dev.kompose.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.RecordingDocker;
import dev.kompose.testing.StackFolder;
import dev.kompose.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} in the shell, in a real terminal (tmux, 160 columns): one row per stack with the
 * columns SPEC lists, and a row longer than the terminal is cut to its width (ending in "~")
 * instead of wrapping into the next line.
 */
@Tag("terminal")
class ShellStatusTest {
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

    @Test
    void statusIsATableThatFitsTheTerminal() throws Exception {
        StackFolder folder = new StackFolder(root);
        folder.stackWithoutDatabase("alpha");
        folder.stackWithoutDatabase("beta");
        folder.databaseStackWithoutServer("gamma");
        Path journal = scratch.resolve("journal.jsonl");
        String longCommand = "ps " + "--filter-that-is-long ".repeat(12);
        Files.writeString(journal, "{\"time\":\"" + Instant.now().minusSeconds(600) + "\",\"stack\":\"alpha\",\"command\":\""
                + longCommand.strip() + "\",\"outcome\":\"succeeded\",\"exit\":0}\n");
        RecordingDocker docker = new RecordingDocker(scratch.resolve("bin"));
        String prompt = "kompose " + root + "> ";
        tmux = Tmux.start(scratch, Map.of("HOME", scratch.toString(), "XDG_STATE_HOME", scratch.resolve("state").toString(),
                "TERM", "xterm-256color", "KOMPOSE_JOURNAL", journal.toString(), "RECORD_LOG", scratch.resolve("docker.log").toString(),
                "PATH", scratch.resolve("bin") + ":" + System.getenv("PATH")), List.of("CI"), "-C", root.toString(), "shell");
        tmux.waitFor(prompt);

        tmux.type("* status").press("Enter");
        String screen = tmux.waitFor("the status table", text -> text.contains("gamma ") && text.indexOf(prompt) != text.lastIndexOf(prompt),
                Duration.ofSeconds(30));

        List<String> lines = screen.lines().toList();
        int header = lines.indexOf(lines.stream().filter(line -> line.startsWith("STACK ")).findFirst().orElseThrow());
        assertTrue(lines.get(header).matches("STACK +ENGINE +CONTAINERS +NEWEST DUMP +AGE +VERIFIED +LAST OPERATION"),
                lines.get(header));
        assertTrue(lines.get(header + 1).startsWith("alpha "), screen);
        assertTrue(lines.get(header + 2).startsWith("beta "), screen);
        assertTrue(lines.get(header + 3).startsWith("gamma "), screen);
        assertEquals(160, lines.get(header + 1).length(), "the long row fills the terminal:\n" + screen);
        assertTrue(lines.get(header + 1).endsWith("~"), "and is cut, not wrapped:\n" + screen);
        assertTrue(lines.get(header + 1).contains("ps --filter-that-is-long"), screen);
        assertTrue(lines.get(header + 3).contains("none"), "a database stack without a dump says so:\n" + screen);
        assertEquals(1, Files.readAllLines(scratch.resolve("docker.log.engines")).size(), "one docker ps for the engine");
    }
}
