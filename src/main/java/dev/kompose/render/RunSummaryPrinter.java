package dev.kompose.render;

import dev.kompose.engine.RunListener;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.StackOutcome;
import dev.kompose.engine.StackReport;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What stays in the scrollback after the progress panel closes: one result line per stack in the
 * printer's usual shape, the last lines of output of each stack that failed (the details the
 * panel showed while it was open), and the closing Summary line. Collects quietly during the run;
 * {@link #print()} writes it all at once.
 */
public final class RunSummaryPrinter implements RunListener {
    static final int FAILURE_LINES = 15;
    private final RunPrinter printer;
    private final PrintWriter out;
    private final Map<String, StackPlan> plans = new LinkedHashMap<>();
    private final Map<String, Deque<String>> lastLines = new HashMap<>();
    private final List<StackReport> finished = new ArrayList<>();
    private String command = "";
    private RunReport report;

    public RunSummaryPrinter(PrintWriter out, Style style) {
        this.out = out;
        this.printer = new RunPrinter(out, style, false);
    }

    @Override
    public synchronized void runStarted(Plan plan) {
        command = plan.command();
        plan.stacks().forEach(stack -> plans.put(stack.stackName(), stack));
    }

    @Override
    public synchronized void stageOutput(StackPlan stack, Stage stage, String line) {
        Deque<String> lines = lastLines.computeIfAbsent(stack.stackName(), name -> new ArrayDeque<>());
        lines.addLast(line);
        while (lines.size() > FAILURE_LINES) {
            lines.removeFirst();
        }
    }

    @Override
    public synchronized void stackFinished(StackPlan stack, StackReport stackReport) {
        finished.add(stackReport);
    }

    @Override
    public synchronized void runFinished(RunReport runReport) {
        this.report = runReport;
    }

    /** Writes the summary; nothing when the run never finished. */
    public synchronized void print() {
        if (report == null) {
            return;
        }
        out.println("[INFO] " + command + " on " + plans.size() + (plans.size() == 1 ? " stack" : " stacks"));
        for (StackReport stackReport : finished) {
            StackPlan plan = plans.get(stackReport.stackName());
            printer.stackFinished(plan, stackReport);
            boolean failed = stackReport.outcome() == StackOutcome.FAILED || stackReport.outcome() == StackOutcome.CANCELLED;
            if (failed) {
                for (String line : lastLines.getOrDefault(stackReport.stackName(), new ArrayDeque<>())) {
                    out.println("    " + line);
                }
            }
        }
        printer.runFinished(report);
        out.flush();
    }
}
