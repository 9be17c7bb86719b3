package dev.kompose.shell;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kompose completion bash|zsh|fish}: prints a completion script (the files in completions/ come from it). */
@Command(name = "completion", mixinStandardHelpOptions = true, hidden = true,
        description = {"Print a completion script for bash, zsh or fish. Stack names, dump files and hooks are",
            "completed at every TAB by asking kompose itself. Install, e.g.:",
            "  kompose completion bash > ~/.local/share/bash-completion/completions/kompose"})
final class CompletionCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHELL", completionCandidates = CompletionScripts.Shells.class,
            description = "bash, zsh or fish.")
    String shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String script = CompletionScripts.script(shell, spec.parent());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
