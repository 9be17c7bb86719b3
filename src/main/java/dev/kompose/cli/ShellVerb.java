package dev.kompose.cli;

import picocli.CommandLine.Model.CommandSpec;

/** {@code kompose [OPTIONS] shell}: the interactive shell; the options become the shell's starting settings. */
public final class ShellVerb implements StandaloneVerb {

    /** A fresh model of the verb: --help. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command("shell",
                "Interactive shell: the command line's grammar plus help, step, dry-run on|off,",
                "set KEY=VALUE, unset KEY, history, exit. TAB completes stacks, commands, dump",
                "files, hooks and options. Without a terminal it reads commands line by line",
                "and exits with the status of the last failure.");
        VerbOptions.addHelp(spec);
        return spec;
    }

    @Override
    public int execute(Session session) {
        return session.shellLauncher().run(session);
    }
}
