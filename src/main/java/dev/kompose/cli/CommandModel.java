package dev.kompose.cli;

import dev.kompose.planner.ComposePlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The vocabulary of kompose in one place: every verb, whether it works on stacks or stands alone,
 * what its positional arguments complete to, and the picocli model of its options. The
 * parser, {@code --help}, the shell's {@code help}, TAB in the shell and the bash, zsh and fish
 * completions are all derived from this list.
 */
public final class CommandModel {

    /** Where a verb stands on the command line. */
    public enum Scope {
        /** {@code kompose <PATTERN> <VERB> [ARGS]} */
        STACKS,
        /** {@code kompose <VERB> [ARGS]} */
        STANDALONE,
        /** both: {@code kompose journal} and {@code kompose news journal} */
        BOTH
    }

    /** What a verb's positional arguments complete to. */
    public enum Completes {
        NOTHING,
        DUMP_FILES,
        HOOK_NAMES,
        SHELL_NAMES
    }

    /**
     * One verb.
     *
     * @param name as typed
     * @param summary one line for menus and the overview
     * @param scope where it stands
     * @param completes what its positional arguments complete to
     * @param hidden left out of menus and help (the completion scripts' helper)
     * @param model builds a fresh picocli model of the verb's options and parameters, in code
     * @param factory the verb ready to run, from its parsed model; null for the compose pass-through,
     *     whose words go to compose unparsed
     */
    public record Verb(String name, String summary, Scope scope, Completes completes, boolean hidden,
            Supplier<CommandSpec> model, Function<CommandSpec, Object> factory) {

        /** The picocli model of the verb's options and parameters (built anew each time: parsing fills it). */
        public CommandSpec spec() {
            return model.get();
        }

        public boolean worksOnStacks() {
            return scope != Scope.STANDALONE;
        }

        public boolean standsAlone() {
            return scope != Scope.STACKS;
        }
    }

    /** The name under which the compose pass-through is described (any word that is not another verb). */
    public static final String COMPOSE = "COMPOSE-COMMAND";
    /** The hidden verb the completion scripts call at every TAB. */
    public static final String COMPLETE = "__complete";

    private static final List<Verb> VERBS = List.of(
            new Verb("db:export", "pg_dump into <stack>/<DB_NAME>_<YYYYmmdd_HHMMSS>.sql (.sql.gz, .dump)", Scope.STACKS, Completes.NOTHING,
                    false, ExportVerb::spec, ExportVerb::new),
            new Verb("db:import", "restore a dump (default: the newest complete one) in place of the live db", Scope.STACKS, Completes.DUMP_FILES,
                    false, ImportVerb::spec, ImportVerb::new),
            new Verb("db:verify", "prove a dump: checksum, restore into a scratch db, every table's rows vs its manifest", Scope.STACKS,
                    Completes.DUMP_FILES, false, VerifyVerb::spec, VerifyVerb::new),
            new Verb("db:cleanup", "delete the dumps no rule keeps (--keep N, --keep-daily/weekly/monthly)", Scope.STACKS, Completes.NOTHING, false,
                    CleanupVerb::spec, CleanupVerb::new),
            new Verb("db:list", "dumps per stack with size, date and completeness", Scope.STACKS, Completes.NOTHING, false,
                    ListDumpsVerb::spec, parsed -> new ListDumpsVerb()),
            new Verb("status", "per stack: containers, newest dump and its age, last operation (--max-age: a check)", Scope.STACKS,
                    Completes.NOTHING, false, StatusVerb::spec, StatusVerb::new),
            new Verb("hooks", "hook functions each hooks.sh defines (with NAMEs: their bodies)", Scope.STACKS, Completes.HOOK_NAMES, false,
                    HooksVerb::spec, HooksVerb::new),
            new Verb("journal", "what kompose did, one entry per stack per run, newest last", Scope.BOTH, Completes.NOTHING, false,
                    JournalVerb::spec, JournalVerb::new),
            new Verb("list", "the stacks: compose file, .env, dumps, postgres, hooks (also -l/--list)", Scope.STANDALONE, Completes.NOTHING, false,
                    ListVerb::spec, parsed -> new ListVerb()),
            new Verb("shell", "the interactive shell (bare kompose on a terminal too)", Scope.STANDALONE, Completes.NOTHING, false,
                    ShellVerb::spec, parsed -> new ShellVerb()),
            new Verb("completion", "print a bash, zsh or fish completion script", Scope.STANDALONE,
                    Completes.SHELL_NAMES, false, CompletionVerb::spec, CompletionVerb::new),
            new Verb(COMPLETE, "completion candidates for a command line", Scope.STANDALONE, Completes.NOTHING, true,
                    CompleteVerb::spec, CompleteVerb::new));

    private CommandModel() {
    }

    /** Every verb kompose's own (not the compose commands), in the order help shows them. */
    public static List<Verb> verbs() {
        return VERBS;
    }

    /** The verb named so that works on stacks, if it is one of kompose's own. */
    public static Optional<Verb> stackVerb(String name) {
        return VERBS.stream().filter(verb -> verb.worksOnStacks() && verb.name().equals(name)).findFirst();
    }

    /** The verb named so that stands alone. */
    public static Optional<Verb> standaloneVerb(String name) {
        return VERBS.stream().filter(verb -> verb.standsAlone() && verb.name().equals(name)).findFirst();
    }

    /** The compose pass-through as a verb of the model (its only own option is --dry-run). */
    public static Verb compose() {
        return new Verb(COMPOSE, "docker compose COMMAND ARGS, with its hooks", Scope.STACKS, Completes.NOTHING, false,
                ComposeVerb::spec, null);
    }

    /** The compose commands offered by completion and help: the 17 with hooks, then config and images. */
    public static List<String> composeCommands() {
        List<String> commands = new ArrayList<>(ComposePlanner.HOOKED_COMMANDS);
        commands.addAll(List.of("config", "images"));
        return commands;
    }
}
