package dev.kompose.cli;

import dev.kompose.engine.CompositeRunListener;
import dev.kompose.engine.GroupedRunListener;
import dev.kompose.engine.RunListener;
import dev.kompose.engine.StageGate;
import dev.kompose.exec.Cancellation;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.progress.ProgressMode;
import dev.kompose.render.ProgressJsonLines;
import dev.kompose.render.ProgressLinePrinter;
import dev.kompose.render.RunPrinter;
import dev.kompose.render.RunSummaryPrinter;
import dev.kompose.render.Style;
import dev.kompose.tui.ProgressPanel;
import dev.kompose.tui.TerminalCheck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one run is shown: the usual printer (on standard error with -o json), plus plain progress
 * lines or JSON Lines events (--progress json, on standard error), or instead the Lanterna
 * panel (db:export and db:import only, not in dry-run or step-through). With the panel, the
 * confirmations a run needs are asked before it opens, and the summary goes to the scrollback
 * after it closed.
 */
final class ProgressDisplay implements AutoCloseable {
    private final List<RunListener> listeners = new ArrayList<>();
    private final StageGate gate;
    private ProgressPanel panel;
    private RunSummaryPrinter summary;

    private ProgressDisplay(StageGate gate) {
        this.gate = gate;
    }

    static ProgressDisplay choose(Session session, Plan plan, boolean dryRun, StageGate gate, Cancellation cancellation) {
        return choose(session, plan, dryRun, gate, cancellation, Map.of());
    }

    /** engineRows: each stack's engine by folder, shown in the panel's rows (empty: all on docker's default engine). */
    static ProgressDisplay choose(Session session, Plan plan, boolean dryRun, StageGate gate, Cancellation cancellation,
            Map<java.nio.file.Path, String> engineRows) {
        Style style = new Style(session.settings().colour());
        // with -o json standard output carries the document; what people read goes to standard error
        java.io.PrintWriter messages = session.settings().jsonOutput() ? session.err() : session.out();
        boolean streams = !dryRun && plan.operation().streamsProgress();
        ProgressMode mode = streams ? session.settings().progressMode() : ProgressMode.NONE;
        RunListener jsonLines = null;
        if (session.settings().progressMode() == ProgressMode.JSON) {
            mode = ProgressMode.NONE;
            jsonLines = dryRun ? null : new ProgressJsonLines(session.err(), session.clock());
        }
        boolean gateAllowsPanel = gate == StageGate.ALWAYS || gate instanceof ConfirmationGate;
        if (mode == ProgressMode.AUTO || mode == ProgressMode.PANEL) {
            boolean possible = gateAllowsPanel && TerminalCheck.panelPossible(session.processEnvironment(), session.processRunner());
            if (mode == ProgressMode.PANEL && !possible) {
                session.err().println("[WARN] --progress panel needs a terminal (and no --step); showing plain progress lines");
            }
            mode = mode.resolve(possible);
        }
        if (mode == ProgressMode.PANEL) {
            StageGate answered = askFirst(gate, plan);
            ProgressDisplay display = new ProgressDisplay(answered);
            try {
                display.panel = ProgressPanel.openOnSystemTerminal("kompose " + plan.command(), cancellation);
                display.summary = new RunSummaryPrinter(messages, style);
                display.listeners.add(engineRows.isEmpty() ? display.panel : new EngineRowLabels(display.panel, engineRows));
                display.listeners.add(display.summary);
                return display;
            } catch (IOException | RuntimeException cannotOpen) {
                session.err().println("[WARN] the progress panel could not open; showing plain progress lines");
                mode = ProgressMode.PLAIN;
                gate = answered;
            }
        }
        ProgressDisplay display = new ProgressDisplay(gate);
        List<RunListener> printers = new ArrayList<>();
        printers.add(new RunPrinter(messages, style, dryRun, dryRun && !(gate instanceof StepThroughGate)));
        if (mode == ProgressMode.PLAIN) {
            printers.add(new ProgressLinePrinter(messages));
        }
        if (session.settings().parallel() > 1) { // stacks at the same time: each one's lines as one block
            display.listeners.add(new GroupedRunListener(new CompositeRunListener(printers)));
        } else {
            display.listeners.addAll(printers);
        }
        if (jsonLines != null) {
            display.listeners.add(jsonLines);
        }
        return display;
    }

    /** A confirmation gate asks once per stack: ask every question now, then replay the answers while the panel shows. */
    private static StageGate askFirst(StageGate gate, Plan plan) {
        if (gate == StageGate.ALWAYS) {
            return gate;
        }
        Map<String, StageGate.Decision> answers = new LinkedHashMap<>();
        for (StackPlan stack : plan.stacks()) {
            if (stack.isSkipped()) {
                continue;
            }
            StageGate.Decision decision = gate.beforeStack(stack);
            answers.put(stack.stackName(), decision);
            if (decision == StageGate.Decision.QUIT) {
                break;
            }
        }
        return new StageGate() {
            @Override
            public Decision beforeStack(StackPlan stack) {
                return answers.getOrDefault(stack.stackName(), Decision.QUIT);
            }
        };
    }

    List<RunListener> listeners() {
        return listeners;
    }

    StageGate gate() {
        return gate;
    }

    /** Closes the panel (if one is open) and prints the summary to the scrollback. */
    @Override
    public void close() {
        if (panel != null) {
            panel.close();
            panel = null;
            summary.print();
        }
    }
}
