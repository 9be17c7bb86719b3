package dev.kompose.shell;

import dev.kompose.cli.KomposeCommand;
import dev.kompose.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code kompose [OPTIONS] shell}: the interactive shell; the options become the session's starting state. */
@Command(name = "shell", mixinStandardHelpOptions = true, hidden = true,
        description = {"Interactive shell: the command line's grammar plus list, help, step, dry-run on|off,",
            "set KEY=VALUE, unset KEY, history, exit. TAB completes stacks, commands, dump files, hooks, options.",
            "Without a terminal it reads commands line by line and exits with the status of the last failure."})
public final class ShellCommand implements Callable<Integer> {
    private final Session session;
    private final CommandLineFactory factory;

    @ParentCommand
    KomposeCommand parent;

    ShellCommand(Session session, CommandLineFactory factory) {
        this.session = session;
        this.factory = factory;
    }

    @Override
    public Integer call() {
        if (parent != null) {
            parent.applyOptions();
        }
        return new KomposeShell(session, factory).run();
    }
}
