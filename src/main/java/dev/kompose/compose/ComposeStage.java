package dev.kompose.compose;

import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker compose -f <file> COMMAND ARGS} in the stack folder, with the layered environment
 * (the -e overrides and --network reach compose as variables, never as flags). Arguments pass
 * untouched. Compose's standard input is empty (an {@code exec} there needs {@code -T}), unless the
 * stage is {@code onTerminal}: then compose gets the operator's terminal, for an interactive
 * {@code exec} in the shell.
 */
public record ComposeStage(ComposeProgram program, Path composeFile, Path stackDirectory, String command,
        List<String> arguments, Map<String, String> environment, Set<String> secretNames, boolean onTerminal)
        implements Stage {

    public ComposeStage {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
        secretNames = Set.copyOf(secretNames);
    }

    /** A stage whose compose reads nothing (standard input empty), in a process group of its own. */
    public ComposeStage(ComposeProgram program, Path composeFile, Path stackDirectory, String command,
            List<String> arguments, Map<String, String> environment, Set<String> secretNames) {
        this(program, composeFile, stackDirectory, command, arguments, environment, secretNames, false);
    }

    /**
     * True for {@code exec} without {@code -T}/{@code --no-TTY} (nor {@code -d}): compose wants a terminal
     * for the program it starts in the container.
     */
    public boolean wantsTerminal() {
        return command.equals("exec") && arguments.stream().noneMatch(argument -> argument.equals("-T")
                || argument.equals("--no-TTY") || argument.equals("--no-tty") || argument.equals("-d")
                || argument.equals("--detach"));
    }

    /** The same stage, with compose on the operator's terminal. */
    public ComposeStage onTheTerminal() {
        return new ComposeStage(program, composeFile, stackDirectory, command, arguments, environment, secretNames, true);
    }

    public CommandSpec spec() {
        List<String> argv = new ArrayList<>(program.words());
        argv.add("-f");
        argv.add(composeFile.getFileName().toString());
        argv.add(command);
        argv.addAll(arguments);
        CommandSpec.Builder spec = CommandSpec.of(argv)
                .environment(environment)
                .secretNames(secretNames)
                .workingDirectory(stackDirectory);
        return onTerminal ? spec.terminal(true).build()
                : spec.standardInput(Path.of("/dev/null")).ownProcessGroup(true).build();
    }

    @Override
    public StageKind kind() {
        return StageKind.COMPOSE;
    }

    @Override
    public String name() {
        return command;
    }

    @Override
    public String description() {
        return "run " + String.join(" ", program.words()) + " " + command + " in " + stackDirectory.getFileName();
    }

    @Override
    public List<String> commandText() {
        return List.of(dev.kompose.exec.ShellQuoting.join(spec().arguments()));
    }

    @Override
    public boolean destructive() {
        return command.equals("down") && (arguments.contains("-v") || arguments.contains("--volumes"));
    }

    @Override
    public String skipConsequence() {
        return "the post_" + command + " hook still runs, as if the command had succeeded";
    }

    @Override
    public StageResult run(StageContext context) {
        ExecutionResult result = context.execute(spec());
        if (result.cancelled()) {
            return StageResult.cancelled(command + " was stopped");
        }
        return result.succeeded() ? StageResult.succeeded()
                : StageResult.failed(String.join(" ", program.words()) + " " + command + " failed: " + result.explain());
    }
}
