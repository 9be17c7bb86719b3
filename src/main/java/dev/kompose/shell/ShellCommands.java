package dev.kompose.shell;

import dev.kompose.cli.Session;
import java.util.Map;
import picocli.CommandLine;

/** Adds the shell's subcommands to the kompose command model: {@code shell}, {@code completion}, hidden {@code __complete}. */
public final class ShellCommands {
    private ShellCommands() {
    }

    public static void register(CommandLine kompose, Session session, Map<String, String> environment,
            CommandLineFactory factory) {
        kompose.addSubcommand("shell", new ShellCommand(session, factory));
        kompose.addSubcommand("completion", new CompletionCommand());
        kompose.addSubcommand(CompleteCommand.NAME, new CompleteCommand(session, environment));
    }
}
