package dev.kompose.cli;

import dev.kompose.progress.ProgressMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kompose [OPTIONS] <PATTERN> <VERB> [ARGS...]} and {@code kompose [OPTIONS] <VERB> [ARGS]}
 * for the verbs that stand alone. The options before the first word change a copy of the
 * session's settings; the words are then given to the verb the {@link CommandModel} names. A word
 * that names a standalone verb (journal, list, shell, completion) is that verb only when the words
 * after it are its arguments, so a stack called journal is addressed like any other.
 */
public final class KomposeCommand implements Callable<Integer> {
    private final Session session;
    private final Prompter prompter;
    private final CommandSpec spec = TopLevelSpec.create(this);

    public KomposeCommand(Session session, Prompter prompter) {
        this.session = session;
        this.prompter = prompter;
    }

    /** The picocli model this command is parsed with (built in code: see {@link TopLevelSpec}). */
    public CommandSpec spec() {
        return spec;
    }

    /** The top-level options as a picocli model, for completion, completion scripts and the manual. */
    public static CommandSpec optionsSpec() {
        return new KomposeCommand(null, null).spec();
    }

    private <T> T value(String name) {
        return CommandSpecs.value(spec, name);
    }

    private boolean flag(String name) {
        return CommandSpecs.isSet(spec, name);
    }

    /** The settings these options give, starting from base; an option not given leaves base's value. */
    public Settings settings(Settings base) {
        List<String> environment = value(TopLevelSpec.ENV);
        Path root = value(TopLevelSpec.ROOT);
        String network = value(TopLevelSpec.NETWORK);
        String context = value(TopLevelSpec.CONTEXT);
        Integer parallel = value(TopLevelSpec.PARALLEL);
        Duration hookTimeout = value(TopLevelSpec.HOOK_TIMEOUT);
        ProgressMode progress = value(TopLevelSpec.PROGRESS);
        OutputFormat output = value(TopLevelSpec.OUTPUT);
        String databaseClient = value(TopLevelSpec.DB_CLIENT);
        Settings settings = base.withOverrides(EnvironmentOverrides.parse(environment == null ? List.of() : environment));
        if (root != null) {
            settings = settings.withRoot(root.toAbsolutePath().normalize());
        }
        if (network != null) {
            settings = settings.withNetwork(network);
        }
        if (context != null) {
            settings = settings.withContext(context.isBlank() ? null : context.strip());
        }
        if (parallel != null) {
            settings = settings.withParallel(parallel);
        }
        if (databaseClient != null) {
            settings = settings.withOverrides(java.util.Map.of("DB_CLIENT", databaseClient));
        }
        if (flag(TopLevelSpec.DRY_RUN)) {
            settings = settings.withDryRun(true);
        }
        if (flag(TopLevelSpec.YES)) {
            settings = settings.withAssumeYes(true);
        }
        if (hookTimeout != null) {
            settings = settings.withHookTimeout(hookTimeout);
        }
        if (flag(TopLevelSpec.NO_COLOUR)) {
            settings = settings.withColour(false);
        }
        if (progress != null) {
            settings = settings.withProgressMode(progress);
        }
        if (output != null) {
            settings = settings.withOutput(output);
        }
        return settings;
    }

    @Override
    public Integer call() {
        Session run = session.with(settings(session.settings()));
        List<String> words = value(TopLevelSpec.WORDS);
        words = words == null ? List.of() : words;
        if (flag(TopLevelSpec.LIST)) {
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
        Operations operations = new Operations(run, prompter, flag(TopLevelSpec.STEP));
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

    /** --parallel's number, 1 to {@link Settings#MAX_PARALLEL}. */
    static final class ParallelConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int number;
            try {
                number = Integer.parseInt(value.strip());
            } catch (NumberFormatException notANumber) {
                throw new picocli.CommandLine.TypeConversionException("not a number: " + value);
            }
            if (number < 1 || number > Settings.MAX_PARALLEL) {
                throw new picocli.CommandLine.TypeConversionException("must be 1 to " + Settings.MAX_PARALLEL + ", not " + number);
            }
            return number;
        }
    }

    /** The docker contexts of $DOCKER_CONFIG (or ~/.docker), read at every TAB. */
    static final class DockerContextNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return dev.kompose.docker.DockerContexts.read(dev.kompose.docker.DockerContexts.folderFor(
                    System.getenv("DOCKER_CONFIG"), System.getenv("HOME"))).names().iterator();
        }
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
