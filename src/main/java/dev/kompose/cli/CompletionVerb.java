package dev.kompose.cli;

import picocli.CommandLine.Model.CommandSpec;

/** {@code kompose completion bash|zsh|fish}: prints a completion script (the files in completions/ come from it). */
public final class CompletionVerb implements StandaloneVerb {
    private static final String SHELL = "SHELL";

    private final String shell;

    /** The verb with the values of its parsed model. */
    CompletionVerb(CommandSpec parsed) {
        shell = CommandSpecs.value(parsed, SHELL);
    }

    /** A fresh model of the verb: SHELL, --help. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command("completion",
                "Print a completion script for bash, zsh or fish. Stack names, dump files and",
                "hooks are completed at every TAB by asking kompose itself. Install, e.g.:",
                "  kompose completion bash > ~/.local/share/bash-completion/completions/kompose");
        spec.addPositional(CommandSpecs.positional("0", String.class, SHELL, "bash, zsh or fish.").arity("1").required(true)
                .completionCandidates(new VerbOptions.ShellNames()).build());
        VerbOptions.addHelp(spec);
        return spec;
    }

    @Override
    public int execute(Session session) {
        session.out().print(CompletionScripts.script(shell, "kompose", KomposeCommand.optionsSpec()));
        session.out().flush();
        return 0;
    }
}
