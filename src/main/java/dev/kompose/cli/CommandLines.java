package dev.kompose.cli;

import dev.kompose.engine.SecretMasker;
import dev.kompose.stack.StackEnvironment;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the picocli command line of kompose for a session, with its error handlers: the command
 * line builds one, the interactive shell one per line it runs. No stack trace reaches the operator.
 */
public final class CommandLines {
    private CommandLines() {
    }

    public static CommandLine create(Session session, Prompter prompter) {
        PrintWriter err = session.err();
        Map<String, String> environment = session.processEnvironment();
        CommandLine commandLine = new CommandLine(new KomposeCommand(session, prompter).spec()).setStopAtPositional(true);
        // the footer lists every verb with its options: built only when help is printed, not at every start
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> String.join(System.lineSeparator(), footer()) + System.lineSeparator());
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

    /** The --help footer: the verbs from the command model, then what holds for all of them. */
    public static List<String> footer() {
        List<String> lines = new ArrayList<>(VerbHelp.overview());
        lines.addAll(List.of("",
                "COMMAND --help shows a command's options (kompose news db:import --help).",
                "After COMMAND, --dry-run and the options of kompose's own commands are",
                "kompose's; everything else goes to docker compose untouched.",
                "Root: -C/--root, else $KOMPOSE_ROOT, else the current folder.",
                "Environment (later wins): process env < root .env < stack .env < --network",
                "(NETWORK_NAME) < -e KEY=VALUE. A .env wins over the process environment",
                "(Docker Compose does the opposite). .env files are read as Compose reads them;",
                "one Compose would refuse fails its stack, naming file and line.",
                "With -o json, stdout carries one JSON document (schema kompose.<doc>/1,",
                "docs/json.md) and every message goes to stderr.",
                "Exit status: 0 all selected stacks succeeded (skips count), 1 some failed",
                "(or status --max-age found a stale stack), 2 usage error, 130 interrupted",
                "(143 SIGTERM, 129 SIGHUP).",
                "",
                "Examples:",
                "  kompose --list",
                "  kompose news db:export --dry-run",
                "  kompose '*' db:export --format gzip",
                "  kompose '*' db:cleanup --keep-daily 7 --keep-weekly 4 --keep-monthly 6",
                "  kompose -o json '*' status --max-age 26h",
                "  kompose 'auth,b*' up -d",
                "  kompose -e DB_HOST=10.0.0.5 news db:import news_20251011_005049.sql",
                "  kompose shell"));
        return lines;
    }

    private static int report(Exception failure, PrintWriter err, Map<String, String> environment) {
        if (failure instanceof UsageException usage) {
            err.println("kompose: " + usage.getMessage());
            return 2;
        }
        SecretMasker masker = new SecretMasker(environment.entrySet().stream()
                .filter(entry -> StackEnvironment.isSecretName(entry.getKey()))
                .map(Map.Entry::getValue).toList());
        err.println("kompose: internal error: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + masker.mask(failure.getMessage())));
        if (environment.containsKey("KOMPOSE_DEBUG")) {
            failure.printStackTrace(err);
        }
        return 1;
    }
}
