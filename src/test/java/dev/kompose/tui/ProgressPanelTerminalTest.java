package dev.kompose.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import dev.kompose.testing.TmuxSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kompose on a real terminal (tmux): the panel of an export that lasts several seconds shows
 * rising percentages, the terminal settings come back, the summary stays in the scrollback; with
 * output to a file, progress comes as plain lines without escape codes.
 */
@Tag("terminal")
@Tag("postgres")
class ProgressPanelTerminalTest {
    private static final String DATABASE = "panel_terminal";
    private static final PostgresServer SERVER = PostgresServer.get();
    private static final Pattern APP_ROW = Pattern.compile("^app\\s+pg_dump\\s+[#.]+\\s+(\\d+)%", Pattern.MULTILINE);

    @BeforeAll
    static void bigDatabase() throws Exception {
        SERVER.recreateDatabase(DATABASE);
        ProcessBuilder pgbench = new ProcessBuilder("pgbench", "-i", "-q", "-s", "25", "-h", SERVER.host(), "-p",
                Integer.toString(SERVER.port()), "-U", PostgresServer.SUPERUSER, DATABASE).redirectErrorStream(true);
        pgbench.environment().putAll(Map.of("PGPASSWORD", PostgresServer.PASSWORD));
        pgbench.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = pgbench.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0, "pgbench -i failed");
    }

    @Test
    void thePanelShowsRisingPercentagesAndLeavesTheSummaryAndTheTerminalAsTheyWere(@TempDir Path root) throws Exception {
        new StackFolder(root).databaseStack("app", SERVER, DATABASE);
        Path script = TmuxSession.script(root, "cd " + root + "\nstty -g > stty-before\necho before-run\n"
                + TmuxSession.komposeCommand("-C", root.toString(), "app", "db:export") + "\necho EXIT=$?\n"
                + "stty -g > stty-after\necho done > finished\n");
        List<Integer> percentages = new ArrayList<>();
        String scrollback;
        try (TmuxSession terminal = TmuxSession.start(script, 100, 30)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            String screen = "";
            while (!Files.exists(root.resolve("finished")) && System.nanoTime() < deadline) {
                screen = terminal.screen();
                Matcher row = APP_ROW.matcher(screen);
                if (row.find()) {
                    int percent = Integer.parseInt(row.group(1));
                    if (percentages.isEmpty() || percentages.get(percentages.size() - 1) != percent) {
                        percentages.add(percent);
                    }
                }
                Thread.sleep(150);
            }
            scrollback = terminal.scrollback();
        }
        assertTrue(percentages.size() >= 3, "percentages seen: " + percentages + "\n" + scrollback);
        for (int index = 1; index < percentages.size(); index++) {
            assertTrue(percentages.get(index) > percentages.get(index - 1), "went backwards: " + percentages);
        }
        assertTrue(scrollback.contains("EXIT=0"), scrollback);
        assertTrue(scrollback.contains("[OK] app: wrote panel_terminal_"), scrollback);
        assertTrue(scrollback.contains("Summary: 1 succeeded, 0 failed out of 1 stacks"), scrollback);
        assertFalse(scrollback.contains("q / Ctrl-C: cancel"), "the panel stayed on the normal screen:\n" + scrollback);
        assertTrue(scrollback.indexOf("before-run") < scrollback.indexOf("Summary:"), scrollback);
        assertEquals(Files.readString(root.resolve("stty-before")), Files.readString(root.resolve("stty-after")),
                "terminal settings changed");
        assertEquals(1, Files.list(root.resolve("app")).filter(path -> path.toString().endsWith(".sql")).count());
    }

    @Test
    void withOutputToAFileProgressComesAsPlainLinesWithoutEscapeCodes(@TempDir Path root) throws Exception {
        new StackFolder(root).databaseStack("app", SERVER, DATABASE);
        Path output = root.resolve("out.txt");
        Path script = TmuxSession.script(root, TmuxSession.komposeCommand("-C", root.toString(), "app", "db:export")
                + " > " + output + " 2>&1\necho $? > " + root.resolve("exit-code") + "\n");
        try (TmuxSession terminal = TmuxSession.start(script, 100, 30)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(root.resolve("exit-code")) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(200);
            assertEquals("0", Files.readString(root.resolve("exit-code")).strip(), Files.readString(output));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertFalse(text.contains("\u001b"), "escape codes in:\n" + text);
        List<String> progress = text.lines().filter(line -> line.startsWith("[PROGRESS] app: pg_dump ")).toList();
        assertTrue(progress.size() >= 2, text);
        assertTrue(progress.get(0).matches("\\[PROGRESS] app: pg_dump 0% 0 B / \\d.* [kMG]B"), progress.get(0));
        assertTrue(progress.get(progress.size() - 1).matches("\\[PROGRESS] app: pg_dump 100% (.+) / \\1 done"),
                progress.get(progress.size() - 1));
        assertTrue(text.contains("Summary: 1 succeeded, 0 failed out of 1 stacks"), text);
    }
}
