package dev.kompose.cli;

import dev.kompose.progress.ProgressMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The picocli model of {@code kompose [OPTIONS] WORDS...}, built in code like every model of kompose
 * (see {@link CommandSpecs} for why). The values are read back with
 * {@link CommandSpecs#value(CommandSpec, String)} by these names.
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
        CommandSpecs.addFlag(spec, "Print every stage (secrets masked); run nothing, hooks included.", "-n", DRY_RUN);
        spec.addOption(CommandSpecs.option(List.class, "KEY=VALUE", "Set a variable for the stacks, over their .env (repeatable).",
                "-e", ENV).auxiliaryTypes(String.class).build());
        spec.addOption(CommandSpecs.option(String.class, "NAME", "Set NETWORK_NAME for the stacks.", NETWORK).build());
        spec.addOption(CommandSpecs.option(String.class, "NAME",
                "Run every stack on this docker context's engine (else each stack's DOCKER_HOST / DOCKER_CONTEXT).", CONTEXT)
                .completionCandidates(new KomposeCommand.DockerContextNames()).build());
        spec.addOption(CommandSpecs.option(Integer.class, "N", "Run up to N stacks at a time (1 to " + Settings.MAX_PARALLEL
                + ", default 1: one after another); output stays grouped per stack.", PARALLEL)
                .converters(new KomposeCommand.ParallelConverter()).build());
        spec.addOption(CommandSpecs.option(Path.class, "DIR", "The folder holding the stacks.", "-C", ROOT)
                .converters(new KomposeCommand.FolderConverter()).build());
        CommandSpecs.addFlag(spec, "Do not ask before replacing a database or deleting dumps.", "-y", YES);
        CommandSpecs.addFlag(spec, "Show every stage before it runs and ask: [y]es / [s]kip / [a]ll / [q]uit.", STEP);
        spec.addOption(CommandSpecs.option(Duration.class, "DURATION", "Kill a hook (and all it started) after this long; default 10m.",
                HOOK_TIMEOUT).converters(new VerbOptions.DurationConverter())
                .completionCandidates(new VerbOptions.DurationExamples()).build());
        spec.addOption(CommandSpecs.option(ProgressMode.class, "MODE", "db:export / db:import progress: auto (panel on a"
                + " terminal, else plain lines), panel, plain, none; json: every run's events as JSON Lines on stderr.", PROGRESS)
                .converters(new VerbOptions.ProgressModeConverter()).completionCandidates(new VerbOptions.ProgressModeNames())
                .build());
        spec.addOption(CommandSpecs.option(OutputFormat.class, "FORMAT", "text, or json: listings, status, journal, run results"
                + " and --dry-run plans as one JSON document on stdout, messages on stderr (docs/json.md).", "-o", OUTPUT)
                .converters(new OutputFormat.Converter()).completionCandidates(new OutputFormat.Names()).build());
        spec.addOption(CommandSpecs.option(String.class, "WHERE", "Where pg_dump / psql / pg_restore run: auto (default: the"
                + " stack's PostgreSQL service when DB_HOST is unset or names it, else the host), host, container. Sets DB_CLIENT.",
                DB_CLIENT).converters(new VerbOptions.DatabaseClientConverter())
                .completionCandidates(new VerbOptions.DatabaseClientNames()).build());
        CommandSpecs.addFlag(spec, "No colours (also when NO_COLOR is set or output is not a terminal).", NO_COLOUR);
        CommandSpecs.addFlag(spec, "List the stacks: compose file, .env, dumps, postgres, hooks.", "-l", LIST);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        spec.addPositional(CommandSpecs.positional("0..*", List.class, WORDS,
                "PATTERN: '*', a glob (blog*, ?ews), or a comma list (auth,news,b*);",
                "COMMAND: see Commands; ARGS: its arguments.").auxiliaryTypes(String.class).build());
        return spec;
    }
}
