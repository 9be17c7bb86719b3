package dev.kompose.progress;

import static dev.kompose.progress.ProgressFixtures.DUMP;
import static dev.kompose.progress.ProgressFixtures.PRE_HOOK;
import static dev.kompose.progress.ProgressFixtures.PUBLISH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.engine.RunReport;
import dev.kompose.engine.StackOutcome;
import dev.kompose.engine.StackReport;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.StageResult;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProgressTrackerTest {
    private final ProgressFixtures.ManualClock clock = new ProgressFixtures.ManualClock();
    private final ProgressTracker tracker = new ProgressTracker(clock);
    private final StackPlan news = ProgressFixtures.stack("news");

    private void startDump() {
        tracker.runStarted(ProgressFixtures.plan("news", "auth"));
        tracker.stackStarted(news);
        tracker.stageStarted(news, PRE_HOOK, 1, 3);
        tracker.stageFinished(news, PRE_HOOK, StageResult.succeeded());
        tracker.stageStarted(news, DUMP, 2, 3);
    }

    @Test
    void stacksWaitUntilTheyStartAndShowTheirStage() {
        startDump();
        ProgressSnapshot row = tracker.snapshot("news");
        assertEquals(ProgressSnapshot.Status.RUNNING, row.status());
        assertEquals("pg_dump", row.stage());
        assertEquals("2/3", row.stagePosition());
        assertEquals(-1, row.percent(), "no progress reported yet");
        assertEquals(ProgressSnapshot.Status.WAITING, tracker.snapshot("auth").status());
    }

    @Test
    void percentageFollowsBytesButNeverGoesBackwards() {
        startDump();
        tracker.stageProgress(news, DUMP, 0, 1000);
        assertEquals(0, tracker.snapshot("news").percent());
        clock.advanceMillis(500);
        tracker.stageProgress(news, DUMP, 420, 1000);
        assertEquals(42, tracker.snapshot("news").percent());
        clock.advanceMillis(500);
        tracker.stageProgress(news, DUMP, 300, 1000);
        assertEquals(42, tracker.snapshot("news").percent(), "a lower count does not lower the percentage");
        assertEquals(420, tracker.snapshot("news").bytesDone());
        clock.advanceMillis(500);
        tracker.stageProgress(news, DUMP, 500, 2000);
        assertEquals(42, tracker.snapshot("news").percent(), "a larger total does not lower the percentage");
    }

    @Test
    void anEstimateTooLowHoldsAt99UntilTheStageEndsThenExactly100() {
        startDump();
        tracker.stageProgress(news, DUMP, 0, 1000);
        clock.advanceMillis(500);
        tracker.stageProgress(news, DUMP, 999, 1000);
        assertEquals(99, tracker.snapshot("news").percent());
        clock.advanceMillis(500);
        tracker.stageProgress(news, DUMP, 1500, 1000);
        assertEquals(99, tracker.snapshot("news").percent(), "past the estimate: still running, so not 100");
        assertTrue(tracker.snapshot("news").eta().isEmpty(), "no ETA past the estimate");
        tracker.stageProgress(news, DUMP, 1600, 1600);
        assertEquals(99, tracker.snapshot("news").percent(), "the final count alone is not the end of the stage");
        tracker.stageFinished(news, DUMP, StageResult.succeeded());
        ProgressSnapshot done = tracker.snapshot("news");
        assertEquals(100, done.percent());
        assertEquals(1600, done.bytesDone());
        assertEquals(1600, done.bytesExpected());
    }

    @Test
    void aFailedStageKeepsItsPercentageAndTheStackShowsTheFailure() {
        startDump();
        tracker.stageProgress(news, DUMP, 0, 1000);
        clock.advanceMillis(500);
        tracker.stageProgress(news, DUMP, 250, 1000);
        tracker.stageFinished(news, DUMP, StageResult.failed("pg_dump failed: exit 1"));
        tracker.stackFinished(news, new StackReport("news", StackOutcome.FAILED, "pg_dump: pg_dump failed: exit 1", Duration.ZERO));
        ProgressSnapshot row = tracker.snapshot("news");
        assertEquals(25, row.percent());
        assertEquals(ProgressSnapshot.Status.FAILED, row.status());
        assertEquals("pg_dump: pg_dump failed: exit 1", row.result());
    }

    @Test
    void theTransferStaysOnTheRowWhileLaterStagesRun() {
        startDump();
        tracker.stageProgress(news, DUMP, 0, 1000);
        tracker.stageProgress(news, DUMP, 1000, 1000);
        tracker.stageFinished(news, DUMP, StageResult.succeeded());
        tracker.stageStarted(news, PUBLISH, 3, 3);
        ProgressSnapshot row = tracker.snapshot("news");
        assertEquals("publish", row.stage());
        assertEquals("pg_dump", row.transferStage());
        assertEquals(100, row.percent());
        assertEquals(-1, row.bytesPerSecond(), "no rate once the transfer ended");
    }

    @Test
    void rateIsSmoothedAndEtaFollowsFromIt() {
        startDump();
        tracker.stageProgress(news, DUMP, 0, 100_000_000);
        for (int second = 1; second <= 10; second++) {
            clock.advanceMillis(1000);
            tracker.stageProgress(news, DUMP, second * 5_000_000L, 100_000_000);
        }
        ProgressSnapshot steady = tracker.snapshot("news");
        assertEquals(5_000_000, steady.bytesPerSecond(), 1);
        assertEquals(Duration.ofSeconds(10), steady.eta().orElseThrow());
        clock.advanceMillis(1000);
        tracker.stageProgress(news, DUMP, 50_000_000 + 50_000_000 / 2, 100_000_000);
        double afterBurst = tracker.snapshot("news").bytesPerSecond();
        assertTrue(afterBurst > 5_000_000 && afterBurst < 15_000_000,
                "one burst of 25 MB/s moves the smoothed rate only part of the way: " + afterBurst);
    }

    @Test
    void randomSamplesNeverLowerThePercentageAndEndAtExactly100() {
        Random random = new Random(4711);
        for (int round = 0; round < 200; round++) {
            startDump();
            long expected = 1 + random.nextInt(1_000_000);
            int previous = -1;
            for (int sample = 0; sample < 50; sample++) {
                clock.advanceMillis(random.nextInt(1000));
                long done = (long) (random.nextDouble() * expected * 1.5);
                long total = random.nextInt(10) == 0 ? expected * 2 : expected;
                tracker.stageProgress(news, DUMP, done, total);
                int percent = tracker.snapshot("news").percent();
                assertTrue(percent >= previous && percent <= 99, "round " + round + ": " + previous + " -> " + percent);
                previous = percent;
            }
            tracker.stageFinished(news, DUMP, StageResult.succeeded());
            assertEquals(100, tracker.snapshot("news").percent());
        }
    }

    @Test
    void keepsTheLastOutputLinesWithTheirStack() {
        startDump();
        for (int line = 1; line <= ProgressTracker.KEPT_OUTPUT_LINES + 5; line++) {
            tracker.stageOutput(news, PRE_HOOK, "line " + line);
        }
        List<String> last = tracker.lastOutput(2);
        assertEquals(List.of("news: line " + (ProgressTracker.KEPT_OUTPUT_LINES + 4),
                "news: line " + (ProgressTracker.KEPT_OUTPUT_LINES + 5)), last);
    }

    @Test
    void stacksThatNeverStartedTakeTheirOutcomeFromTheRunReport() {
        startDump();
        tracker.runFinished(new RunReport(List.of(
                new StackReport("news", StackOutcome.CANCELLED, "interrupted", Duration.ZERO),
                new StackReport("auth", StackOutcome.NOT_RUN, "not run", Duration.ZERO)), "interrupted (SIGINT)", 130));
        assertEquals(ProgressSnapshot.Status.NOT_RUN, tracker.snapshot("auth").status());
        assertTrue(tracker.finished());
    }
}
