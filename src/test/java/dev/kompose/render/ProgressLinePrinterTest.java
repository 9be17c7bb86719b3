package dev.kompose.render;

import static dev.kompose.progress.ProgressFixtures.DUMP;
import static dev.kompose.progress.ProgressFixtures.PUBLISH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kompose.plan.StackPlan;
import dev.kompose.plan.StageResult;
import dev.kompose.progress.ProgressFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLinePrinterTest {
    private final ProgressFixtures.ManualClock clock = new ProgressFixtures.ManualClock();
    private final StringWriter text = new StringWriter();
    private final ProgressLinePrinter printer = new ProgressLinePrinter(new PrintWriter(text), clock, Duration.ofSeconds(5));

    @Test
    void aLineWhenTheTransferStartsThenEveryFiveSecondsThenAtTheEnd() {
        StackPlan news = ProgressFixtures.stack("news");
        printer.runStarted(ProgressFixtures.plan("news"));
        printer.stackStarted(news);
        printer.stageStarted(news, DUMP, 2, 3);
        printer.stageProgress(news, DUMP, 0, 100_000_000);
        for (int second = 1; second <= 12; second++) {
            clock.advanceMillis(1000);
            printer.stageProgress(news, DUMP, second * 5_000_000L, 100_000_000);
        }
        printer.stageProgress(news, DUMP, 61_000_000, 61_000_000);
        printer.stageFinished(news, DUMP, StageResult.succeeded());
        printer.stageStarted(news, PUBLISH, 3, 3);
        printer.stageFinished(news, PUBLISH, StageResult.succeeded());
        assertEquals(List.of(
                "[PROGRESS] news: pg_dump 0% 0 B / 100 MB",
                "[PROGRESS] news: pg_dump 25% 25.0 MB / 100 MB, 5.0 MB/s, ETA 0:15",
                "[PROGRESS] news: pg_dump 50% 50.0 MB / 100 MB, 5.0 MB/s, ETA 0:10",
                "[PROGRESS] news: pg_dump 100% 61.0 MB / 61.0 MB done"), text.toString().lines().toList());
        assertFalse(text.toString().contains("\u001b"));
    }

    @Test
    void aFailedTransferSaysSoAtItsLastPercentage() {
        StackPlan news = ProgressFixtures.stack("news");
        printer.runStarted(ProgressFixtures.plan("news"));
        printer.stageStarted(news, DUMP, 2, 3);
        printer.stageProgress(news, DUMP, 0, -1);
        clock.advanceMillis(1000);
        printer.stageProgress(news, DUMP, 3_000_000, -1);
        printer.stageFinished(news, DUMP, StageResult.failed("pg_dump failed"));
        assertEquals(List.of("[PROGRESS] news: pg_dump ?% 0 B", "[PROGRESS] news: pg_dump ?% 3.0 MB failed"),
                text.toString().lines().toList());
    }
}
