package dev.kompose.hooks;

import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.exec.ShellQuoting;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one hook function from hooks.sh in a fresh bash (so no function or variable of one stack
 * reaches another), in the stack folder, with the layered environment. Arguments reach the
 * function as separate words. The hook gets its own process group, so a timeout or a cancel stops
 * everything it started; its standard input is empty.
 *
 * @param hookName the hook as the docs name it, without the hook_ prefix ("pre_db_export")
 * @param hooksFile the stack's hooks.sh
 * @param stackDirectory where the hook runs
 * @param arguments the planned arguments
 * @param argumentIsDumpFile when true the first argument is replaced at run time by the dump file
 *     the earlier stages actually wrote (its planned name may have been taken meanwhile)
 * @param environment variables added to the inherited environment
 * @param secretNames which of them are secrets
 * @param timeout --hook-timeout
 * @param functionText the function's source, for the step prompt
 * @param skipConsequence what skipping this hook means for later stages
 */
public record HookStage(String hookName, Path hooksFile, Path stackDirectory, List<String> arguments,
        boolean argumentIsDumpFile, Map<String, String> environment, Set<String> secretNames, Duration timeout,
        String functionText, String skipConsequence) implements Stage {

    /** Loads hooks.sh into a fresh bash and calls the function with the remaining words as its arguments. */
    static final String RUNNER = """
            hooks_file="$1"; function_name="$2"; shift 2
            source "$hooks_file" </dev/null || { echo "kompose: loading $hooks_file failed" >&2; exit 97; }
            if ! declare -F "$function_name" >/dev/null; then
              echo "kompose: $hooks_file does not define $function_name" >&2; exit 127
            fi
            "$function_name" "$@"
            """;

    public HookStage {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
        secretNames = Set.copyOf(secretNames);
    }

    public String functionName() {
        return HookCatalog.PREFIX + hookName;
    }

    @Override
    public StageKind kind() {
        return StageKind.HOOK;
    }

    @Override
    public String name() {
        return hookName;
    }

    @Override
    public String description() {
        return "run hook " + functionName() + " from " + hooksFile.getFileName()
                + (arguments.isEmpty() ? "" : " with " + ShellQuoting.join(arguments));
    }

    @Override
    public List<String> commandText() {
        List<String> words = new ArrayList<>();
        words.add(functionName());
        words.addAll(arguments);
        return List.of(ShellQuoting.join(words));
    }

    /** The process that runs the hook, given the arguments it gets at run time. */
    public CommandSpec command(List<String> actualArguments) {
        List<String> argv = new ArrayList<>(List.of("bash", "-c", RUNNER, "kompose-hook",
                hooksFile.toString(), functionName()));
        argv.addAll(actualArguments);
        return CommandSpec.of(argv)
                .environment(environment)
                .secretNames(secretNames)
                .workingDirectory(stackDirectory)
                .standardInput(Path.of("/dev/null"))
                .timeout(timeout)
                .ownProcessGroup(true)
                .build();
    }

    @Override
    public StageResult run(StageContext context) {
        List<String> actual = new ArrayList<>(arguments);
        if (argumentIsDumpFile && !actual.isEmpty()) {
            context.state().dumpFile().ifPresent(file -> actual.set(0, file.toString()));
        }
        ExecutionResult result = context.execute(command(actual));
        if (result.succeeded()) {
            context.state().hookRan(hookName);
            return StageResult.succeeded();
        }
        if (result.cancelled()) {
            return StageResult.cancelled("hook " + functionName() + " was stopped");
        }
        return StageResult.failed("hook " + functionName() + " failed: " + result.explain());
    }
}
