package dev.kompose.planner;

import dev.kompose.compose.ComposeProgram;
import dev.kompose.compose.ComposeStage;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StackPlan;
import dev.kompose.read.StackSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a compose pass-through: {@code hook_pre_<cmd>} (whose failure skips the command), the
 * compose command, then {@code hook_post_<cmd>} (only after success), both hooks receiving the
 * command and its arguments. Hooks exist for the 17 commands below; other commands pass through
 * without hooks.
 */
public final class ComposePlanner {
    public static final List<String> HOOKED_COMMANDS = List.of("up", "down", "start", "stop", "restart", "pull",
            "build", "ps", "logs", "exec", "run", "create", "kill", "pause", "unpause", "port", "top");

    private final ComposeProgram program;
    private final HookStages hooks;
    private final boolean dryRun;

    public ComposePlanner(PlanningContext context) {
        this.program = context.composeProgram();
        this.hooks = new HookStages(context.hookTimeout(), context.dryRun());
        this.dryRun = context.dryRun();
    }

    public StackPlan plan(StackSnapshot stack, String command, List<String> arguments) {
        List<Stage> stages = new ArrayList<>();
        List<String> hookArguments = new ArrayList<>();
        hookArguments.add(command);
        hookArguments.addAll(arguments);
        boolean hooked = HOOKED_COMMANDS.contains(command);
        if (hooked) {
            hooks.hook(stack, "pre_" + command, hookArguments,
                    "the compose command runs without what hook_pre_" + command + " prepares").ifPresent(stages::add);
        }
        stages.add(new ComposeStage(program, stack.stack().composeFile(), stack.stack().directory(), command, arguments,
                stack.childEnvironment(dryRun), stack.environment().secretNames()));
        if (hooked) {
            hooks.hook(stack, "post_" + command, hookArguments, "").ifPresent(stages::add);
        }
        return DatabasePlanner.plan(stack, stages, List.of());
    }
}
