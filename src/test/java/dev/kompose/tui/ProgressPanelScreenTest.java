package dev.kompose.tui;

import static dev.kompose.progress.ProgressFixtures.DUMP;
import static dev.kompose.progress.ProgressFixtures.PRE_HOOK;
import static dev.kompose.progress.ProgressFixtures.PUBLISH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.kompose.engine.StackOutcome;
import dev.kompose.engine.StackReport;
import dev.kompose.exec.Cancellation;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.StageResult;
import dev.kompose.progress.ProgressFixtures;
import dev.kompose.progress.ProgressTracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Golden screens: the panel drawn by Lanterna on a virtual terminal, read back character by character. */
class ProgressPanelScreenTest {
    private final ProgressFixtures.ManualClock clock = new ProgressFixtures.ManualClock();
    private final ProgressTracker tracker = new ProgressTracker(clock);
    private final Cancellation cancellation = new Cancellation();
    private DefaultVirtualTerminal terminal;
    private ProgressPanel panel;

    private void open(int columns, int rows) throws Exception {
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        panel = ProgressPanel.openOn(terminal, "kompose db:export", cancellation, tracker);
    }

    @AfterEach
    void close() {
        if (panel != null) {
            panel.close();
        }
    }

    private List<String> screen() throws Exception {
        panel.refresh();
        panel.awaitDrawn();
        List<String> lines = new ArrayList<>();
        TerminalSize size = terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < size.getColumns(); column++) {
                line.append(terminal.getCharacter(column, row).getCharacterString());
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** news: dumped and published; auth: dump at 42%; blog: failed in its pre hook; shop: waiting. */
    private void threeStacksAndAWaitingOne() {
        StackPlan news = ProgressFixtures.stack("news");
        StackPlan auth = ProgressFixtures.stack("auth");
        StackPlan blog = ProgressFixtures.stack("blog");
        tracker.runStarted(ProgressFixtures.plan("news", "auth", "blog", "shop"));
        tracker.stackStarted(news);
        tracker.stageStarted(news, DUMP, 2, 3);
        tracker.stageProgress(news, DUMP, 0, 2_000_000);
        tracker.stageProgress(news, DUMP, 2_100_000, 2_000_000);
        tracker.stageFinished(news, DUMP, StageResult.succeeded());
        tracker.stageStarted(news, PUBLISH, 3, 3);
        tracker.stageFinished(news, PUBLISH, StageResult.succeeded("wrote news_20251011_005049.sql (2.1 MB)"));
        tracker.stackFinished(news, new StackReport("news", StackOutcome.SUCCEEDED, "wrote news_20251011_005049.sql (2.1 MB)",
                Duration.ofSeconds(2)));
        tracker.stackStarted(blog);
        tracker.stageStarted(blog, PRE_HOOK, 1, 3);
        tracker.stageOutput(blog, PRE_HOOK, "pg_isready: no response");
        tracker.stageFinished(blog, PRE_HOOK, StageResult.failed("hook_pre_db_export exited with 1"));
        tracker.stackFinished(blog, new StackReport("blog", StackOutcome.FAILED, "pre_db_export: exited with 1", Duration.ZERO));
        tracker.stackStarted(auth);
        tracker.stageStarted(auth, DUMP, 2, 3);
        tracker.stageOutput(auth, DUMP, "pg_dump: dumping contents of table \"public.users\"");
        tracker.stageProgress(auth, DUMP, 0, 500_000_000);
        for (int second = 1; second <= 4; second++) {
            clock.advanceMillis(1000);
            tracker.stageProgress(auth, DUMP, second * 52_500_000L, 500_000_000);
        }
    }

    @Test
    void severalStacksWithAFailureAt80x24() throws Exception {
        open(80, 24);
        threeStacksAndAWaitingOne();
        List<String> screen = screen();
        assertEquals(List.of(
                "kompose db:export  4 stacks: 1 done, 1 failed",
                "STACK        STAGE          PROGRESS      % BYTES             RATE       ETA",
                "news         done           ########## 100% 2.1 MB / 2.1 MB   wrote news_202510~",
                "auth         pg_dump        ####......  42% 210 MB / 500 MB   52.5 MB/s  0:05",
                "blog         FAILED         pre_db_export: exited with 1",
                "shop         waiting",
                "-- output ---------------------------------------------------------------------~",
                "blog: pg_isready: no response",
                "auth: pg_dump: dumping contents of table \"public.users\""),
                screen.subList(0, 9));
        assertEquals(" q / Ctrl-C: cancel", screen.get(23));
        assertEquals("", screen.get(22));
    }

    @Test
    void aNarrowTerminalDropsRateAndBytesBeforeTheBar() throws Exception {
        open(50, 12);
        threeStacksAndAWaitingOne();
        List<String> screen = screen();
        assertEquals("STACK        STAGE          PROGRESS             %", screen.get(1));
        assertEquals("auth         pg_dump        #######..........  42%", screen.get(3));
        assertTrue(screen.stream().allMatch(line -> line.length() <= 50), String.join("\n", screen));
        assertEquals(" q / Ctrl-C: cancel", screen.get(11));
    }

    @Test
    void followsAResize() throws Exception {
        open(80, 24);
        threeStacksAndAWaitingOne();
        screen();
        terminal.setTerminalSize(new TerminalSize(120, 30));
        Thread.sleep(3 * ProgressPanel.REFRESH_MILLIS);
        List<String> screen = screen();
        assertEquals(30, screen.size());
        assertEquals(" q / Ctrl-C: cancel", screen.get(29));
        assertTrue(screen.get(3).startsWith("auth         pg_dump        ############"), screen.get(3));
        assertTrue(screen.get(3).contains("52.5 MB/s"), screen.get(3));
    }

    @Test
    void manyStacksScrollAndTheFooterSaysWhichRowsShow() throws Exception {
        open(80, 24);
        List<String> names = new ArrayList<>();
        for (int index = 1; index <= 40; index++) {
            names.add(String.format("stack%02d", index));
        }
        tracker.runStarted(ProgressFixtures.plan(names.toArray(String[]::new)));
        List<String> first = screen();
        assertTrue(first.get(2).startsWith("stack01"), first.get(2));
        assertTrue(first.get(23).contains("rows 1-17 of 40"), first.get(23));
        panel.press(new KeyStroke(KeyType.PageDown));
        List<String> second = screen();
        assertTrue(second.get(2).startsWith("stack18"), second.get(2));
        assertTrue(second.get(23).contains("rows 18-34 of 40"), second.get(23));
        panel.press(new KeyStroke(KeyType.End));
        assertTrue(screen().get(23).contains("rows 24-40 of 40"));
        panel.press(new KeyStroke(KeyType.ArrowUp));
        assertTrue(screen().get(2).startsWith("stack23"));
    }

    @Test
    void ctrlCAndQCancelTheRun() throws Exception {
        open(80, 24);
        threeStacksAndAWaitingOne();
        panel.press(new KeyStroke('x', false, false));
        assertTrue(!cancellation.isCancelled());
        panel.press(new KeyStroke('c', true, false));
        assertTrue(cancellation.isCancelled());
        assertEquals("cancelled from the progress panel", cancellation.reason());
        assertEquals(130, cancellation.exitCode());
    }

    @Test
    void hookOutputWithEscapeCodesCannotMoveTheCursor() throws Exception {
        open(80, 24);
        StackPlan news = ProgressFixtures.stack("news");
        tracker.runStarted(ProgressFixtures.plan("news"));
        tracker.stackStarted(news);
        tracker.stageStarted(news, PRE_HOOK, 1, 3);
        tracker.stageOutput(news, PRE_HOOK, "\u001b[2J\u001b[Hred\u001b[31m text");
        List<String> screen = screen();
        assertTrue(screen.contains("news: ?[2J?[Hred?[31m text"), String.join("\n", screen));
    }
}
