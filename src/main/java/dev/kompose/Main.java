package dev.kompose;

import dev.kompose.cli.Interrupts;
import dev.kompose.cli.KomposeCommand;
import dev.kompose.cli.Prompter;
import dev.kompose.cli.Session;
import dev.kompose.cli.UsageException;
import dev.kompose.engine.SecretMasker;
import dev.kompose.exec.ZtProcessRunner;
import dev.kompose.shell.LinePrompter;
import dev.kompose.shell.ShellCommands;
import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** Wires kompose together and maps every outcome to an exit status; no stack trace reaches the operator. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Interrupts.install(System.err);
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> environment) {
        PrintWriter out = new PrintWriter(new java.io.BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Console console = System.console();
        Session session = new Session(environment, new ZtProcessRunner(), Clock.systemDefaultZone(), out, err);
        session.interactiveTerminal(console != null);
        session.colour(console != null && !environment.containsKey("NO_COLOR")
                && !"dumb".equals(environment.get("TERM")));
        Prompter prompter = console != null ? question -> {
            out.print(question);
            out.flush();
            return console.readLine();
        } : new LinePrompter(out, new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)));
        try {
            return commandLine(session, prompter, environment).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The kompose command model (options, subcommands, error handlers) for one session: the command
     * line builds one, the interactive shell one per line it runs.
     */
    public static CommandLine commandLine(Session session, Prompter prompter, Map<String, String> environment) {
        PrintWriter err = session.err();
        CommandLine commandLine = new CommandLine(new KomposeCommand(session, prompter))
                .setStopAtPositional(true);
        ShellCommands.register(commandLine, session, environment,
                (child, childPrompter) -> commandLine(child, childPrompter, environment));
        return commandLine
                .setOut(session.out())
                .setErr(err)
                .setExecutionExceptionHandler((failure, line, parsed) -> report(failure, err, environment))
                .setParameterExceptionHandler((failure, arguments) -> {
                    err.println("kompose: " + failure.getMessage());
                    err.println("Try 'kompose --help' for usage.");
                    return 2;
                });
    }

    private static int report(Exception failure, PrintWriter err, Map<String, String> environment) {
        if (failure instanceof UsageException usage) {
            err.println("kompose: " + usage.getMessage());
            return 2;
        }
        SecretMasker masker = new SecretMasker(environment.entrySet().stream()
                .filter(entry -> dev.kompose.stack.StackEnvironment.isSecretName(entry.getKey()))
                .map(Map.Entry::getValue).toList());
        err.println("kompose: internal error: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + masker.mask(failure.getMessage())));
        if (environment.containsKey("KOMPOSE_DEBUG")) {
            failure.printStackTrace(err);
        }
        return 1;
    }
}
