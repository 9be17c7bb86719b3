package dev.kompose.planner;

import dev.kompose.hooks.HookCatalog;
import dev.kompose.hooks.HookStage;
import dev.kompose.plan.Stage;
import dev.kompose.read.StackSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds the hook stages of a stack: only for hooks its hooks.sh defines (a missing hook is not an error). */
final class HookStages {
    private final Duration timeout;
    private final boolean dryRun;

    HookStages(Duration timeout, boolean dryRun) {
        this.timeout = timeout;
        this.dryRun = dryRun;
    }

    Optional<Stage> hook(StackSnapshot stack, String hookName, List<String> arguments, String skipConsequence) {
        return hook(stack, hookName, arguments, false, skipConsequence);
    }

    Optional<Stage> hook(StackSnapshot stack, String hookName, List<String> arguments, boolean argumentIsDumpFile,
            String skipConsequence) {
        String functionName = HookCatalog.PREFIX + hookName;
        if (!stack.hooks().defines(functionName)) {
            return Optional.empty();
        }
        return Optional.of(new HookStage(hookName, stack.stack().hooksFile(), stack.stack().directory(), arguments,
                argumentIsDumpFile, stack.childEnvironment(dryRun), stack.environment().secretNames(), timeout,
                stack.hooks().functionText(functionName).orElse(""), skipConsequence));
    }
}
