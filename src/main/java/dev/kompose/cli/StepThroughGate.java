package dev.kompose.cli;

import dev.kompose.engine.StageGate;
import dev.kompose.hooks.HookStage;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.render.Style;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Step-through ({@code step ...} in the shell, {@code --step} on the command line): before each
 * stage it shows {@code stage i/n}, the stack, what the stage does, the exact command or SQL
 * (secrets already masked by the stage) and, for a hook, the function body as hooks.sh defines it,
 * then asks {@code [y]es / [s]kip / [a]ll / [q]uit}. kompose's own safeguards ({@link Stage#safeguard()}:
 * lock, free space, size estimate, dump checks) are confirmed in one short line instead, and
 * {@code [d]etails} shows their full description and exact command; hooks and destructive stages
 * always get the full display. In dry-run it is a walkthrough: the same questions, nothing runs.
 * {@code all} stops asking for the rest of the run; end of input quits.
 */
public final class StepThroughGate implements StageGate {
    /** The start every step question shares; tests count questions by it. */
    public static final String QUESTION_START = "[y]es / [s]kip / [a]ll / [q]uit";
    public static final String QUESTION = QUESTION_START + "? ";
    /** The question after the one-line display of a safeguard. */
    public static final String SAFEGUARD_QUESTION = QUESTION_START + " / [d]etails? ";
    private static final String INDENT = "    ";

    private final PrintWriter out;
    private final Style style;
    private final Prompter prompter;
    private final boolean dryRun;
    private boolean askNoMore;

    public StepThroughGate(PrintWriter out, Style style, Prompter prompter, boolean dryRun) {
        this.out = out;
        this.style = style;
        this.prompter = prompter;
        this.dryRun = dryRun;
    }

    @Override
    public boolean consultedInDryRun() {
        return true;
    }

    @Override
    public Decision beforeStage(StackPlan stack, Stage stage, int number, int total) {
        if (askNoMore) {
            return Decision.RUN;
        }
        boolean brief = shownBriefly(stage);
        if (brief) {
            summarize(stack, stage, number, total);
        } else {
            explain(stack, stage, number, total);
        }
        while (true) {
            String answer = prompter.ask(brief ? SAFEGUARD_QUESTION : QUESTION);
            if (answer == null) {
                out.println("(end of input: quitting; the stages before this one stay done, nothing after it runs)");
                out.flush();
                return Decision.QUIT;
            }
            switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "y", "yes" -> {
                    return Decision.RUN;
                }
                case "s", "skip" -> {
                    out.println(style.yellow("skipping " + stage.name())
                            + (stage.skipConsequence().isEmpty() ? "" : ": " + stage.skipConsequence()));
                    out.flush();
                    return Decision.SKIP;
                }
                case "a", "all" -> {
                    askNoMore = true;
                    return Decision.ALL;
                }
                case "q", "quit" -> {
                    return Decision.QUIT;
                }
                case "d", "details" -> explain(stack, stage, number, total);
                default -> {
                    out.println("Please answer y (run this stage), s (skip it), a (run it and all the rest), q (quit)"
                            + (brief ? " or d (show its details)." : "."));
                    out.flush();
                }
            }
        }
    }

    /** A safeguard of kompose's own that is neither a hook nor destructive: one line, details on request. */
    static boolean shownBriefly(Stage stage) {
        return stage.safeguard() && !stage.destructive() && !(stage instanceof HookStage);
    }

    /** The one line of a safeguard: position, stack, kompose's own check and its name. */
    void summarize(StackPlan stack, Stage stage, int number, int total) {
        out.println(style.bold("stage " + number + "/" + total) + "  stack " + style.bold(stack.stackName()) + "  "
                + style.dim("kompose's own safeguard") + " " + stage.name()
                + (dryRun ? "  " + style.yellow("(dry run: nothing runs)") : ""));
        out.flush();
    }

    /** The stage as the operator sees it before deciding. */
    void explain(StackPlan stack, Stage stage, int number, int total) {
        out.println();
        out.println(style.bold("stage " + number + "/" + total) + "  stack " + style.bold(stack.stackName()) + "  "
                + stage.kind().label() + " " + stage.name()
                + (stage.destructive() ? "  " + style.red("DESTRUCTIVE") : "")
                + (dryRun ? "  " + style.yellow("(dry run: nothing runs)") : ""));
        out.println(INDENT + stage.description());
        for (String line : stage.commandText()) {
            out.println(INDENT + style.dim("$ ") + line);
        }
        if (stage instanceof HookStage hook && !hook.functionText().isBlank()) {
            out.println(INDENT + "the hook, as " + hook.hooksFile().getFileName() + " defines it:");
            hook.functionText().lines().forEach(line -> out.println(INDENT + "  " + line));
        }
        if (!stage.skipConsequence().isEmpty()) {
            out.println(INDENT + style.dim("if skipped: " + stage.skipConsequence()));
        }
        out.flush();
    }
}
