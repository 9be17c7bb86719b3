package dev.kompose.cli;

import dev.kompose.engine.StageGate;
import dev.kompose.exec.Cancellation;
import dev.kompose.exec.DurationText;
import dev.kompose.render.Style;
import dev.kompose.stack.Stack;
import dev.kompose.stack.StackReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kompose [OPTIONS] <PATTERN> <COMMAND> [ARGS...]} and {@code kompose --list}. */
@Command(name = "kompose", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Run docker compose commands and PostgreSQL dump / restore over many stacks, with hooks.", ""},
        synopsisHeading = "Usage:%n",
        customSynopsis = {
            "  kompose [OPTIONS] <PATTERN> <COMMAND> [ARGS...]",
            "  kompose -l | --list",
            "  kompose [OPTIONS] shell   (bare kompose on a terminal too)",
            "  kompose completion bash|zsh|fish",
            "  kompose journal [--stack S] [--last N] [--json]",
            "  kompose -h | --help | --version"},
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions (before PATTERN):%n",
        footerHeading = "%nCommands:%n",
        footer = {
            "  db:export [--format plain|gzip|custom]",
            "      pg_dump into <stack>/<DB_NAME>_<YYYYmmdd_HHMMSS>.sql (.sql.gz, .dump);",
            "      hooks pre_db_export, post_db_export FILE",
            "  db:import [FILE] [--keep-previous] [--jobs N]",
            "      restore FILE (default: the newest complete dump) into a new database, then",
            "      swap it in for the live one; psql, gunzip|psql or pg_restore --jobs N by",
            "      the file's type; hooks pre_db_import FILE, post_db_import FILE",
            "  db:cleanup [--keep N]   delete all but the newest N complete dumps (default 1)",
            "  db:list                 dumps per stack with size, date and completeness",
            "  db:* ... --wait         wait for another kompose's lock on the stack",
            "  hooks [NAME...]         hook functions each hooks.sh defines (NAMEs: bodies)",
            "  any other COMMAND       docker compose -f <file> COMMAND ARGS in the stack",
            "      folder, with hook_pre_<cmd> / hook_post_<cmd> for up, down, start, stop,",
            "      restart, pull, build, ps, logs, exec, run, create, kill, pause, unpause,",
            "      port, top",
            "",
            "After COMMAND, --dry-run and the db:* options above are kompose's; everything",
            "else goes to docker compose untouched. Root: -C/--root, else $KOMPOSE_ROOT,",
            "else the current folder.",
            "Environment (later wins): process env < root .env < stack .env < --network",
            "(NETWORK_NAME) < -e KEY=VALUE. A .env wins over the process environment",
            "(Docker Compose does the opposite). .env files are read as Compose reads them;",
            "one Compose would refuse fails its stack, naming file and line.",
            "Exit status: 0 all selected stacks succeeded (skips count), 1 some failed,",
            "2 usage error, 130 interrupted (143 SIGTERM, 129 SIGHUP).",
            "",
            "Examples:",
            "  kompose --list",
            "  kompose news db:export --dry-run",
            "  kompose '*' db:export",
            "  kompose 'auth,b*' up -d",
            "  kompose -e DB_HOST=10.0.0.5 news db:import news_20251011_005049.sql",
            "  kompose shell"})
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

    @Option(names = "--hook-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Kill a hook (and all it started) after this long; default 10m.")
    Duration hookTimeout;

    @Option(names = "--progress", paramLabel = "MODE", converter = ProgressModeConverter.class,
            description = "db:export / db:import progress: auto (panel on a terminal, else plain lines), panel, plain, none.")
    dev.kompose.progress.ProgressMode progress;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set or output is not a terminal).")
    boolean noColour;

    @Option(names = {"-l", "--list"}, description = "List the stacks: compose file, .env, dumps, postgres, hooks.")
    boolean list;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATTERN",
            description = "Stacks: '*', a glob (blog*, ?ews), or a comma list (auth,news,b*).")
    String pattern;

    @Parameters(index = "1", arity = "0..1", paramLabel = "COMMAND", description = "What to do (see Commands).")
    String command;

    @Parameters(index = "2..*", paramLabel = "ARGS", description = "Arguments of COMMAND.")
    List<String> arguments = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public KomposeCommand(Session session, Prompter prompter) {
        this.session = session;
        this.prompter = prompter;
    }

    @Override
    public Integer call() {
        applyOptions();
        if (list) {
            return listStacks();
        }
        if (dev.kompose.safety.JournalCommand.NAME.equals(pattern)) { // kompose journal [--stack S] [--last N]
            List<String> journalArguments = new ArrayList<>(command == null ? List.of() : List.of(command));
            journalArguments.addAll(arguments);
            return new dev.kompose.safety.JournalCommand(dev.kompose.safety.Journal.at(session.processEnvironment()),
                    session.out(), session.err()).run(journalArguments);
        }
        if (pattern == null && spec != null && spec.subcommands().containsKey("shell")) {
            // bare kompose: the shell on a terminal, else usage and status 2
            if (session.interactiveTerminal()) {
                return spec.subcommands().get("shell").execute();
            }
            session.err().println("kompose: Missing PATTERN and COMMAND (try: kompose --list, or kompose --help)");
            spec.commandLine().usage(session.err());
            return 2;
        }
        if (pattern == null) {
            throw new UsageException("Missing PATTERN and COMMAND (try: kompose --list, or kompose --help)");
        }
        if (command == null) {
            throw new UsageException("Missing COMMAND after pattern " + pattern + " (e.g. ps, up -d, db:export; see kompose --help)");
        }
        StageGate gate = step
                ? new dev.kompose.shell.StepThroughGate(session.out(), new Style(session.colour()), prompter,
                        session.dryRun() || arguments.contains("--dry-run"))
                : session.interactiveTerminal() && !session.assumeYes() && !session.dryRun()
                ? new ConfirmationGate(prompter) : StageGate.ALWAYS;
        Cancellation cancellation = Interrupts.begin();
        try {
            return new Operations(session).run(pattern, command, arguments, gate, List.of(), cancellation);
        } finally {
            Interrupts.end();
        }
    }

    /** Applies the options to the session; an option not given leaves the session's setting (the shell's) as it is. */
    public void applyOptions() {
        if (root != null) {
            session.root(root.toAbsolutePath().normalize());
        }
        session.overrides().putAll(EnvironmentOverrides.parse(environment));
        if (network != null) {
            session.network(network);
        }
        if (dryRun) {
            session.dryRun(true);
        }
        if (yes) {
            session.assumeYes(true);
        }
        if (hookTimeout != null) {
            session.hookTimeout(hookTimeout);
        }
        if (noColour) {
            session.colour(false);
        }
        if (progress != null) {
            session.progressMode(progress);
        }
    }

    private int listStacks() {
        List<Stack> stacks;
        try {
            stacks = dev.kompose.stack.StackDiscovery.discover(session.root());
        } catch (IOException unreadable) {
            throw new UsageException(unreadable.getMessage());
        }
        StackReader reader = new StackReader(session.root(), session.processEnvironment(), session.network(),
                session.overrides());
        reader.rootProblems().forEach(problem -> session.err().println("[WARN] " + problem.describe()));
        return new Listings(session.out(), new Style(session.colour())).stacks(stacks.stream().map(reader::read).toList());
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

    /** Parses --progress auto|panel|plain|none. */
    static final class ProgressModeConverter implements ITypeConverter<dev.kompose.progress.ProgressMode> {
        @Override
        public dev.kompose.progress.ProgressMode convert(String value) {
            return dev.kompose.progress.ProgressMode.parse(value);
        }
    }

    /** Parses --hook-timeout values such as 30s, 10m, 1h30m. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration parsed;
            try {
                parsed = DurationText.parse(value);
            } catch (IllegalArgumentException invalid) { // picocli would show the exception's class name
                throw new picocli.CommandLine.TypeConversionException(invalid.getMessage());
            }
            if (parsed.isZero()) {
                throw new picocli.CommandLine.TypeConversionException("the hook timeout must be more than zero");
            }
            return parsed;
        }
    }
}
