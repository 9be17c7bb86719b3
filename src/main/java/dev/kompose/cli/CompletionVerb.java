package dev.kompose.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kompose completion bash|zsh|fish}: prints a completion script (the files in completions/ come from it). */
@Command(name = "completion",
        description = {"Print a completion script for bash, zsh or fish. Stack names, dump files and",
            "hooks are completed at every TAB by asking kompose itself. Install, e.g.:",
            "  kompose completion bash > ~/.local/share/bash-completion/completions/kompose"})
public final class CompletionVerb implements StandaloneVerb {
    @Parameters(paramLabel = "SHELL", completionCandidates = VerbOptions.ShellNames.class, description = "bash, zsh or fish.")
    String shell;

    @Mixin
    VerbOptions.Help help = new VerbOptions.Help();

    @Override
    public int execute(Session session) {
        session.out().print(CompletionScripts.script(shell, "kompose", KomposeCommand.optionsSpec()));
        session.out().flush();
        return 0;
    }
}
