package dev.kompose.cli;

import dev.kompose.progress.ProgressMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The picocli model of {@code kompose [OPTIONS] WORDS...}, built with picocli's programmatic API
 * rather than from annotations: this model is built at every start, and reading annotations costs
 * a cold JVM tens of milliseconds (each annotation type becomes a proxy class, which no class-data
 * archive keeps). The verbs, built only when used, keep their annotations. The values are read back
 * with {@link #value(CommandSpec, String)}.
 */
final class TopLevelSpec {
    static final String DRY_RUN = "--dry-run";
    static final String ENV = "--env";
    static final String NETWORK = "--network";
    static final String CONTEXT = "--context";
    static final String PARALLEL = "--parallel";
    static final String ROOT = "--root";
    static final String YES = "--yes";
    static final String STEP = "--step";
    static final String HOOK_TIMEOUT = "--hook-timeout";
    static final String PROGRESS = "--progress";
    static final String OUTPUT = "--output";
    static final String DB_CLIENT = "--db-client";
    static final String NO_COLOUR = "--no-color";
    static final String LIST = "--list";
    static final String WORDS = "PATTERN COMMAND ARGS";

    private TopLevelSpec() {
    }

    /** The model, calling userObject (a Callable) when executed. */
    static CommandSpec create(Object userObject) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(userObject).name("kompose");
        UsageMessageSpec usage = spec.usageMessage();
        usage.sortOptions(false).autoWidth(true)
                .description("Run docker compose commands and PostgreSQL dump / restore over many stacks, with hooks.", "")
                .synopsisHeading("Usage:%n")
                .customSynopsis("  kompose [OPTIONS] <PATTERN> <COMMAND> [ARGS...]",
                        "  kompose [OPTIONS] list | journal | shell | completion SHELL",
                        "  kompose -h | --help | --version")
                .parameterListHeading("%nArguments:%n")
                .optionListHeading("%nOptions (before PATTERN):%n")
                .footerHeading("%nCommands:%n");
        spec.versionProvider(new Version());
        flag(spec, "Print every stage (secrets masked); run nothing, hooks included.", "-n", DRY_RUN);
        spec.addOption(OptionSpec.builder("-e", ENV).type(List.class).auxiliaryTypes(String.class).paramLabel("KEY=VALUE")
                .description("Set a variable for the stacks, over their .env (repeatable).").build());
        valued(spec, String.class, "NAME", null, null, "Set NETWORK_NAME for the stacks.", NETWORK);
        valued(spec, String.class, "NAME", null, new KomposeCommand.DockerContextNames(),
                "Run every stack on this docker context's engine (else each stack's DOCKER_HOST / DOCKER_CONTEXT).",
                CONTEXT);
        valued(spec, Integer.class, "N", new KomposeCommand.ParallelConverter(), null,
                "Run up to N stacks at a time (1 to " + Settings.MAX_PARALLEL
                        + ", default 1: one after another); output stays grouped per stack.", PARALLEL);
        valued(spec, Path.class, "DIR", new KomposeCommand.FolderConverter(), null, "The folder holding the stacks.",
                "-C", ROOT);
        flag(spec, "Do not ask before replacing a database or deleting dumps.", "-y", YES);
        flag(spec, "Show every stage before it runs and ask: [y]es / [s]kip / [a]ll / [q]uit.", STEP);
        valued(spec, Duration.class, "DURATION", new VerbOptions.DurationConverter(), new VerbOptions.DurationExamples(),
                "Kill a hook (and all it started) after this long; default 10m.", HOOK_TIMEOUT);
        valued(spec, ProgressMode.class, "MODE", new VerbOptions.ProgressModeConverter(), new VerbOptions.ProgressModeNames(),
                "db:export / db:import progress: auto (panel on a terminal, else plain lines), panel, plain, none;"
                        + " json: every run's events as JSON Lines on stderr.", PROGRESS);
        valued(spec, OutputFormat.class, "FORMAT", new OutputFormat.Converter(), new OutputFormat.Names(),
                "text, or json: listings, status, journal, run results and --dry-run plans as one JSON document on"
                        + " stdout, messages on stderr (docs/json.md).", "-o", OUTPUT);
        valued(spec, String.class, "WHERE", new VerbOptions.DatabaseClientConverter(), new VerbOptions.DatabaseClientNames(),
                "Where pg_dump / psql / pg_restore run: auto (default: the stack's PostgreSQL service when"
                        + " DB_HOST is unset or names it, else the host), host, container. Sets DB_CLIENT.", DB_CLIENT);
        flag(spec, "No colours (also when NO_COLOR is set or output is not a terminal).", NO_COLOUR);
        flag(spec, "List the stacks: compose file, .env, dumps, postgres, hooks.", "-l", LIST);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        spec.addPositional(PositionalParamSpec.builder().index("0..*").paramLabel(WORDS).type(List.class)
                .auxiliaryTypes(String.class)
                .description("PATTERN: '*', a glob (blog*, ?ews), or a comma list (auth,news,b*);",
                        "COMMAND: see Commands; ARGS: its arguments.").build());
        return spec;
    }

    /** The value of the option (by its longest name) or of the words; null when not given. */
    @SuppressWarnings("unchecked")
    static <T> T value(CommandSpec spec, String name) {
        if (name.equals(WORDS)) {
            return (T) spec.positionalParameters().get(0).getValue();
        }
        return (T) spec.findOption(name).getValue();
    }

    private static void flag(CommandSpec spec, String description, String... names) {
        spec.addOption(OptionSpec.builder(names).type(boolean.class).arity("0").description(description).build());
    }

    private static void valued(CommandSpec spec, Class<?> type, String label, ITypeConverter<?> converter,
            Iterable<String> candidates, String description, String... names) {
        OptionSpec.Builder option = OptionSpec.builder(names).type(type).paramLabel(label).description(description);
        if (converter != null) {
            option.converters(converter);
        }
        if (candidates != null) {
            option.completionCandidates(candidates);
        }
        spec.addOption(option.build());
    }
}
