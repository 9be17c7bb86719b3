package dev.kompose.shell;

import dev.kompose.cli.Prompter;
import dev.kompose.cli.Session;
import picocli.CommandLine;

/** Builds the kompose command model for a session: the shell gets one per line, with the shell's session state. */
@FunctionalInterface
public interface CommandLineFactory {
    CommandLine create(Session session, Prompter prompter);
}
