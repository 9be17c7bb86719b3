package dev.kompose.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kompose [OPTIONS] shell}: the interactive shell; the options become the shell's starting settings. */
@Command(name = "shell",
        description = {"Interactive shell: the command line's grammar plus help, step, dry-run on|off,",
            "set KEY=VALUE, unset KEY, history, exit. TAB completes stacks, commands, dump",
            "files, hooks and options. Without a terminal it reads commands line by line",
            "and exits with the status of the last failure."})
public final class ShellVerb implements StandaloneVerb {
    @Mixin
    VerbOptions.Help help = new VerbOptions.Help();

    @Override
    public int execute(Session session) {
        return session.shellLauncher().run(session);
    }
}
