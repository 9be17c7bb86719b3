package dev.kompose.cli;

import dev.kompose.engine.StageGate;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import java.util.Locale;

/**
 * On a terminal, asks once per stack before an operation that replaces a database or deletes
 * dumps, naming the stack, what will go and what stays ([y/N]; anything but yes leaves the stack untouched).
 */
public final class ConfirmationGate implements StageGate {
    private final Prompter prompter;

    public ConfirmationGate(Prompter prompter) {
        this.prompter = prompter;
    }

    @Override
    public Decision beforeStack(StackPlan stack) {
        if (!stack.hasDestructiveStage()) {
            return Decision.RUN;
        }
        StringBuilder question = new StringBuilder("Stack " + stack.stackName() + ":");
        for (Stage stage : stack.stages()) {
            // the restore names the dump file; the destructive stages name the database and what goes;
            // db:cleanup's keep stages say what stays and which rule keeps it
            if (stage.destructive() || stage.kind() == dev.kompose.plan.StageKind.RESTORE
                    || stage instanceof dev.kompose.db.KeepDumpStage) {
                question.append("\n  - ").append(stage.description());
            }
        }
        question.append("\nProceed? [y/N] ");
        String answer = prompter.ask(new dev.kompose.engine.SecretMasker(stack.secretValues()).mask(question.toString()));
        if (answer == null) {
            return Decision.QUIT;
        }
        String normalised = answer.strip().toLowerCase(Locale.ROOT);
        return normalised.equals("y") || normalised.equals("yes") ? Decision.RUN : Decision.SKIP;
    }
}
