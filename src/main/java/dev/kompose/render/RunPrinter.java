package dev.kompose.render;

import dev.kompose.engine.RunListener;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.SecretMasker;
import dev.kompose.engine.StackOutcome;
import dev.kompose.engine.StackReport;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/**
 * Prints a run in the original script's shape: {@code [INFO]}, {@code [STACK: name]},
 * {@code [DRY-RUN]}, child output indented, and the closing {@code Summary:} line. In dry-run each
 * stage is printed with the exact command or SQL it would run (secrets masked).
 */
public final class RunPrinter implements RunListener {
    private static final String OUTPUT_INDENT = "    ";
    private final PrintWriter out;
    private final Style style;
    private final boolean dryRun;
    private final boolean showCommands;
    /** The masker of the stack being printed: stacks run one after another, so one is current at a time. */
    private SecretMasker stackMasker = new SecretMasker(java.util.List.of());

    public RunPrinter(PrintWriter out, Style style, boolean dryRun) {
        this(out, style, dryRun, dryRun);
    }

    /**
     * @param showCommands print each stage's exact commands as it starts (dry-run does; the step-through
     *     walkthrough does not, its questions show them, or offer them for kompose's own safeguards)
     */
    public RunPrinter(PrintWriter out, Style style, boolean dryRun, boolean showCommands) {
        this.out = out;
        this.style = style;
        this.dryRun = dryRun;
        this.showCommands = showCommands;
    }

    /** Live runs show every line at once; a dry run is flushed per stack, which keeps 1,000-stack plans fast. */
    private void flushLive() {
        if (!dryRun) {
            out.flush();
        }
    }

    @Override
    public synchronized void runStarted(Plan plan) {
        String names = plan.stacks().stream().map(StackPlan::stackName).collect(Collectors.joining(", "));
        SecretMasker masker = new SecretMasker(plan.stacks().stream().flatMap(stack -> stack.secretValues().stream()).toList());
        out.println(style.cyan("[INFO]") + " " + masker.mask(plan.command()) + " on " + plan.stacks().size()
                + (plan.stacks().size() == 1 ? " stack: " : " stacks: ") + names
                + (dryRun ? " " + style.yellow("(dry run: nothing is executed)") : ""));
        flushLive();
    }

    @Override
    public synchronized void stackStarted(StackPlan stack) {
        stackMasker = new SecretMasker(stack.secretValues());
        out.println();
        out.println(style.bold("[STACK: " + stack.stackName() + "]"));
        for (String problem : stack.problems()) {
            out.println(style.yellow("[WARN]") + " " + stackMasker.mask(problem));
        }
        flushLive();
    }

    @Override
    public synchronized void stageStarted(StackPlan stack, Stage stage, int number, int total) {
        String position = number == 0 ? "clean-up" : number + "/" + total;
        String tag = dryRun ? style.yellow("[DRY-RUN]") : style.cyan("[INFO]");
        String marker = stage.destructive() ? " " + style.red("(destructive)") : "";
        out.println(tag + " " + position + " " + stage.kind().label() + " " + stage.name() + ": "
                + stackMasker.mask(stage.description()) + marker);
        if (showCommands) {
            for (String line : stage.commandText()) {
                out.println(OUTPUT_INDENT + style.dim("$ " + stackMasker.mask(line)));
            }
        }
        flushLive();
    }

    @Override
    public synchronized void stageOutput(StackPlan stack, Stage stage, String line) {
        out.println(OUTPUT_INDENT + line);
        flushLive();
    }

    @Override
    public synchronized void stageSkipped(StackPlan stack, Stage stage, int number, int total) {
        out.println(style.yellow("[SKIP]") + " " + number + "/" + total + " " + stage.name() + " skipped");
        flushLive();
    }

    @Override
    public synchronized void stageFinished(StackPlan stack, Stage stage, StageResult result) {
        if (result.status() == StageResult.Status.FAILED) {
            out.println(style.red("[ERROR]") + " " + stack.stackName() + ": " + result.message());
        } else if (!result.message().isEmpty() && result.status() == StageResult.Status.SUCCEEDED) {
            out.println(OUTPUT_INDENT + result.message());
        }
        flushLive();
    }

    @Override
    public synchronized void stackFinished(StackPlan stack, StackReport report) {
        String line = switch (report.outcome()) {
            case SUCCEEDED -> style.green("[OK]") + " " + stack.stackName()
                    + (dryRun ? ": dry run complete, nothing was executed" : report.message().isEmpty() ? "" : ": " + report.message());
            case SKIPPED -> style.yellow("[SKIP]") + " " + stack.stackName() + ": " + report.message();
            case FAILED -> style.red("[FAILED]") + " " + stack.stackName() + ": " + report.message();
            case CANCELLED -> style.red("[CANCELLED]") + " " + stack.stackName() + ": " + report.message();
            case NOT_RUN -> style.dim("[NOT RUN]") + " " + stack.stackName();
        };
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void runFinished(RunReport report) {
        out.println();
        for (StackReport stack : report.stacks()) {
            if (stack.outcome() == StackOutcome.NOT_RUN) {
                out.println(style.dim("[NOT RUN]") + " " + stack.stackName() + ": not started");
            }
        }
        if (report.cancelled()) {
            out.println(style.red("[CANCELLED]") + " " + report.cancelledBy()
                    + ": temporary files and databases were removed; live databases and finished dumps are as they were");
        }
        String summary = "Summary: " + report.succeeded() + " succeeded, " + report.failed() + " failed out of "
                + report.stacks().size() + " stacks";
        out.println(report.failed() == 0 ? style.green(summary) : style.red(summary));
        out.flush();
    }
}
