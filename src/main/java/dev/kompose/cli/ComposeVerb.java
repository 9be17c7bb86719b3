package dev.kompose.cli;

import dev.kompose.exec.ShellQuoting;
import dev.kompose.plan.StackPlan;
import dev.kompose.compose.ComposeStage;
import dev.kompose.planner.ComposePlanner;
import dev.kompose.planner.PlanningContext;
import dev.kompose.planner.RunOperation;
import dev.kompose.read.StackSnapshot;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Any other COMMAND: {@code docker compose -f <file> COMMAND ARGS} in each stack folder, with the
 * command's pre and post hooks. Only {@code --dry-run} is kompose's: everything else after COMMAND
 * goes to compose untouched, so the arguments are taken as they are, not parsed (the model
 * describes them for help and completion).
 */
public final class ComposeVerb implements StackVerb {
    private final String command;
    private final List<String> arguments;

    ComposeVerb(String command, List<String> arguments) {
        this.command = command;
        this.arguments = List.copyOf(arguments);
    }

    /** A fresh model of the pass-through, for help and completion: --dry-run, [ARGS]. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command(CommandModel.COMPOSE,
                "docker compose -f <file> COMMAND ARGS in the stack folder, with",
                "hook_pre_<cmd> / hook_post_<cmd> for up, down, start, stop, restart, pull, build, ps, logs, exec,",
                "run, create, kill, pause, unpause, port, top.");
        CommandSpecs.addFlag(spec, "Show every stage, run nothing (the only option after COMMAND that is kompose's).",
                VerbOptions.DRY_RUN);
        spec.addPositional(CommandSpecs.positional("0..*", List.class, "ARGS", "Passed to docker compose untouched.")
                .auxiliaryTypes(String.class).arity("0..1").initialValue(List.of()).build());
        return spec;
    }

    @Override
    public int execute(String pattern, Operations operations) {
        List<String> rest = new ArrayList<>(arguments);
        boolean dryRunAfterCommand = rest.remove(VerbOptions.DRY_RUN);
        return operations.run(pattern, new Compose(command, rest, operations.session().settings().interactiveTerminal()),
                dryRunAfterCommand);
    }

    /**
     * The operation: a compose command and its arguments; with a person at the terminal
     * ({@code terminal}), an {@code exec} that wants a terminal gets it.
     */
    public record Compose(String command, List<String> arguments, boolean terminal) implements RunOperation {
        public Compose {
            arguments = List.copyOf(arguments);
        }

        public Compose(String command, List<String> arguments) {
            this(command, arguments, false);
        }

        @Override
        public String verb() {
            return command;
        }

        @Override
        public String text() {
            return arguments.isEmpty() ? command : command + " " + ShellQuoting.join(arguments);
        }

        @Override
        public boolean usesCompose() {
            return true;
        }

        @Override
        public StackPlan plan(StackSnapshot stack, PlanningContext context) {
            StackPlan plan = new ComposePlanner(context).plan(stack, command, arguments);
            if (!terminal) {
                return plan;
            }
            return plan.withStages(plan.stages().stream().map(stage -> stage instanceof ComposeStage compose
                    && compose.wantsTerminal() ? compose.onTheTerminal() : stage).toList(), plan.cleanupStages());
        }
    }
}
