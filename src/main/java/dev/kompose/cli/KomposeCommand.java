package dev.kompose.cli;

import dev.kompose.progress.ProgressMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kompose [OPTIONS] <PATTERN> <VERB> [ARGS...]} and {@code kompose [OPTIONS] <VERB> [ARGS]}
 * for the verbs that stand alone. The options before the first word change a copy of the
 * session's settings; the words are then given to the verb the {@link CommandModel} names. A word
 * that names a standalone verb (journal, list, shell, completion) is that verb only when the words
 * after it are its arguments, so a stack called journal is addressed like any other.
 */
@Command(name = "kompose", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Run docker compose commands and PostgreSQL dump / restore over many stacks, with hooks.", ""},
        synopsisHeading = "Usage:%n",
        customSynopsis = {
            "  kompose [OPTIONS] <PATTERN> <COMMAND> [ARGS...]",
            "  kompose [OPTIONS] list | journal | shell | completion SHELL",
            "  kompose -h | --help | --version"},
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions (before PATTERN):%n",
        footerHeading = "%nCommands:%n")
public final class KomposeCommand implements Callable<Integer> {
    private final Session session;
    private final Prompter prompter;

    @Option(names = {"-n", "--dry-run"}, description = "Print every stage (secrets masked); run nothing, hooks included.")
    boolean dryRun;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE",
            description = "Set a variable for the stacks, over their .env (repeatable).")
    List<String> environment = new ArrayList<>();

    @Option(names = "--network", paramLabel = "NAME", description = "Set NETWORK_NAME for the stacks.")
    String network;

    @Option(names = {"-C", "--root"}, paramLabel = "DIR", converter = FolderConverter.class, description = "The folder holding the stacks.")
    Path root;

    @Option(names = {"-y", "--yes"}, description = "Do not ask before replacing a database or deleting dumps.")
    boolean yes;

    @Option(names = "--step", description = "Show every stage before it runs and ask: [y]es / [s]kip / [a]ll / [q]uit.")
    boolean step;

    @Option(names = "--hook-timeout", paramLabel = "DURATION", converter = VerbOptions.DurationConverter.class,
            completionCandidates = VerbOptions.DurationExamples.class,
            description = "Kill a hook (and all it started) after this long; default 10m.")
    Duration hookTimeout;

    @Option(names = "--progress", paramLabel = "MODE", converter = VerbOptions.ProgressModeConverter.class,
            completionCandidates = VerbOptions.ProgressModeNames.class,
            description = "db:export / db:import progress: auto (panel on a terminal, else plain lines), panel, plain, none.")
    ProgressMode progress;

    @Option(names = "--db-client", paramLabel = "WHERE", converter = VerbOptions.DatabaseClientConverter.class,
            completionCandidates = VerbOptions.DatabaseClientNames.class,
            description = "Where pg_dump / psql / pg_restore run: auto (default: the stack's PostgreSQL service when"
                    + " DB_HOST is unset or names it, else the host), host, container. Sets DB_CLIENT.")
    String databaseClient;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set or output is not a terminal).")
    boolean noColour;

    @Option(names = {"-l", "--list"}, description = "List the stacks: compose file, .env, dumps, postgres, hooks.")
    boolean list;

    @Parameters(paramLabel = "PATTERN COMMAND ARGS", description = {
        "PATTERN: '*', a glob (blog*, ?ews), or a comma list (auth,news,b*);",
        "COMMAND: see Commands; ARGS: its arguments."})
    List<String> words = new ArrayList<>();

    @picocli.CommandLine.Spec
    CommandSpec spec;

    public KomposeCommand(Session session, Prompter prompter) {
        this.session = session;
        this.prompter = prompter;
    }

    /** The top-level options as a picocli model, for completion and completion scripts. */
    public static CommandSpec optionsSpec() {
        return CommandSpec.forAnnotatedObject(new KomposeCommand(null, null));
    }

    /** The settings these options give, starting from base; an option not given leaves base's value. */
    public Settings settings(Settings base) {
        Settings settings = base.withOverrides(EnvironmentOverrides.parse(environment));
        if (root != null) {
            settings = settings.withRoot(root.toAbsolutePath().normalize());
        }
        if (network != null) {
            settings = settings.withNetwork(network);
        }
        if (databaseClient != null) {
            settings = settings.withOverrides(java.util.Map.of("DB_CLIENT", databaseClient));
        }
        if (dryRun) {
            settings = settings.withDryRun(true);
        }
        if (yes) {
            settings = settings.withAssumeYes(true);
        }
        if (hookTimeout != null) {
            settings = settings.withHookTimeout(hookTimeout);
        }
        if (noColour) {
            settings = settings.withColour(false);
        }
        if (progress != null) {
            settings = settings.withProgressMode(progress);
        }
        return settings;
    }

    @Override
    public Integer call() {
        Session run = session.with(settings(session.settings()));
        if (list) {
            return new ListVerb().execute(run);
        }
        if (words.isEmpty()) {
            if (run.settings().interactiveTerminal()) { // bare kompose: the shell on a terminal
                return run.shellLauncher().run(run);
            }
            run.err().println("kompose: Missing PATTERN and COMMAND (try: kompose --list, or kompose --help)");
            spec.commandLine().usage(run.err());
            return 2;
        }
        String first = words.get(0);
        List<String> rest = words.subList(1, words.size());
        Optional<CommandModel.Verb> standalone = CommandModel.standaloneVerb(first);
        if (standalone.isPresent() && (rest.isEmpty() || rest.get(0).startsWith("-")
                || VerbParser.accepts(standalone.get(), rest))) {
            Object verb = VerbParser.parse(standalone.get(), rest, run.out());
            return verb == null ? 0 : ((StandaloneVerb) verb).execute(run);
        }
        if (rest.isEmpty()) {
            throw new UsageException("Missing COMMAND after pattern " + first + " (e.g. ps, up -d, db:export; see kompose --help)");
        }
        String command = rest.get(0);
        List<String> arguments = rest.subList(1, rest.size());
        Operations operations = new Operations(run, prompter, step);
        Optional<CommandModel.Verb> verb = CommandModel.stackVerb(command);
        if (verb.isPresent()) {
            Object parsed = VerbParser.parse(verb.get(), arguments, run.out());
            return parsed == null ? 0 : ((StackVerb) parsed).execute(first, operations);
        }
        if (command.startsWith("db:")) {
            throw new UsageException("Unknown command " + command + " (kompose knows "
                    + String.join(", ", CommandModel.verbs().stream().filter(CommandModel.Verb::worksOnStacks)
                            .map(CommandModel.Verb::name).filter(name -> name.startsWith("db:")).toList()) + ")");
        }
        if (command.startsWith("-")) {
            throw new UsageException("Options go before PATTERN: " + command + " came after it (see kompose --help)");
        }
        return new ComposeVerb(command, arguments).execute(first, operations);
    }

    /** A path picocli would reject with its exception's class name (a NUL in it, say) gets a plain message. */
    static final class FolderConverter implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            try {
                return Path.of(value);
            } catch (java.nio.file.InvalidPathException invalid) {
                throw new picocli.CommandLine.TypeConversionException("not a usable folder name: " + invalid.getReason());
            }
        }
    }
}
