package dev.kompose.render;

import static dev.kompose.progress.ProgressFixtures.DUMP;
import static dev.kompose.progress.ProgressFixtures.PRE_HOOK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kompose.engine.RunReport;
import dev.kompose.engine.StackOutcome;
import dev.kompose.engine.StackReport;
import dev.kompose.plan.StackPlan;
import dev.kompose.progress.ProgressFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryPrinterTest {

    @Test
    void afterThePanelTheScrollbackGetsResultsFailureDetailsAndTheSummary() {
        StringWriter text = new StringWriter();
        RunSummaryPrinter summary = new RunSummaryPrinter(new PrintWriter(text), new Style(false));
        StackPlan news = ProgressFixtures.stack("news");
        StackPlan blog = ProgressFixtures.stack("blog");
        summary.runStarted(ProgressFixtures.plan("news", "blog"));
        summary.stageOutput(news, DUMP, "pg_dump: fine");
        StackReport newsReport = new StackReport("news", StackOutcome.SUCCEEDED, "wrote news_20251011_005049.sql (2.1 MB)", Duration.ZERO);
        summary.stackFinished(news, newsReport);
        for (int line = 1; line <= 20; line++) {
            summary.stageOutput(blog, PRE_HOOK, "hook line " + line);
        }
        StackReport blogReport = new StackReport("blog", StackOutcome.FAILED, "pre_db_export: exited with 1", Duration.ZERO);
        summary.stackFinished(blog, blogReport);
        summary.print();
        assertEquals("", text.toString(), "nothing before the run finished");
        summary.runFinished(new RunReport(List.of(newsReport, blogReport), "", 130));
        summary.print();
        List<String> lines = text.toString().lines().toList();
        assertEquals("[INFO] db:export on 2 stacks", lines.get(0));
        assertEquals("[OK] news: wrote news_20251011_005049.sql (2.1 MB)", lines.get(1));
        assertEquals("[FAILED] blog: pre_db_export: exited with 1", lines.get(2));
        assertEquals("    hook line 6", lines.get(3));
        assertEquals("    hook line 20", lines.get(17));
        assertEquals("Summary: 1 succeeded, 1 failed out of 2 stacks", lines.get(lines.size() - 1));
    }
}
