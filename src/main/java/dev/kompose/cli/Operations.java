package dev.kompose.cli;

import dev.kompose.compose.ComposeProgram;
import dev.kompose.db.DatabaseSettings;
import dev.kompose.db.DumpFile;
import dev.kompose.db.DumpFiles;
import dev.kompose.engine.CompositeRunListener;
import dev.kompose.engine.RunListener;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.Runner;
import dev.kompose.engine.StageExecutor;
import dev.kompose.engine.StageGate;
import dev.kompose.exec.Cancellation;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.planner.ComposePlanner;
import dev.kompose.planner.DatabasePlanner;
import dev.kompose.render.Style;
import dev.kompose.safety.Journal;
import dev.kompose.safety.JournalListener;
import dev.kompose.safety.StackLocks;
import dev.kompose.stack.EnvProblem;
import dev.kompose.stack.Stack;
import dev.kompose.stack.StackDiscovery;
import dev.kompose.stack.StackPattern;
import dev.kompose.stack.StackReader;
import dev.kompose.stack.StackSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Turns {@code <pattern> <command> [args]} into a plan and runs it: the one path the command line
 * and the shell share. Listing commands (db:list, hooks) print directly; everything else goes
 * through the planners and the runner.
 */
public final class Operations {
    private final Session session;

    public Operations(Session session) {
        this.session = session;
    }

    /** Selects stacks; a pattern matching nothing is a usage error naming the stacks there are. */
    public List<Stack> select(String pattern) {
        List<Stack> stacks;
        try {
            stacks = StackDiscovery.discover(session.root());
        } catch (IOException unreadable) {
            throw new UsageException(unreadable.getMessage());
        }
        try {
            return StackPattern.parse(pattern).select(stacks);
        } catch (StackPattern.PatternException noMatch) {
            throw new UsageException(noMatch.getMessage() + " (root: " + session.root() + ")");
        }
    }

    /** Runs one operation; returns the exit status. */
    public int run(String pattern, String command, List<String> arguments, StageGate gate, List<RunListener> listeners,
            Cancellation cancellation) {
        List<String> rest = new ArrayList<>(arguments);
        boolean dryRun = session.dryRun() | rest.remove("--dry-run");
        List<Stack> stacks = select(pattern);
        StackReader reader = new StackReader(session.root(), session.processEnvironment(), session.network(),
                session.overrides());
        for (EnvProblem problem : reader.rootProblems()) {
            if (!problem.isError()) { // the root .env's errors fail every stack and are named there
                session.err().println("[WARN] " + problem.describe());
            }
        }
        Listings listings = new Listings(session.out(), new Style(session.colour()));
        switch (command) {
            case "db:list" -> {
                parse(new DatabaseArguments.ListDumps(), command, rest);
                return listings.dumps(stacks.stream().map(reader::read).toList());
            }
            case "hooks" -> {
                DatabaseArguments.Hooks options = parse(new DatabaseArguments.Hooks(), command, rest);
                return listings.hooks(stacks.stream().map(reader::read).toList(), options.names);
            }
            default -> {
                boolean locked = StackLocks.LOCKED_COMMANDS.contains(command);
                boolean waitForLock = locked && rest.remove(StackLocks.WAIT_OPTION);
                Function<StackSnapshot, StackPlan> planner = refusingBadEnvFiles(planner(command, rest, dryRun, reader));
                Plan plan = new Plan(describe(command, rest), stacks.stream().map(reader::read).map(planner).toList());
                return executeGuarded(plan, stacks, locked, waitForLock, dryRun, gate, listeners, cancellation);
            }
        }
    }

    /** A real run holds the per-stack locks (db:export, db:import, db:cleanup) and writes the journal; a dry run neither. */
    private int executeGuarded(Plan plan, List<Stack> stacks, boolean locked, boolean waitForLock, boolean dryRun,
            StageGate gate, List<RunListener> listeners, Cancellation cancellation) {
        try (StackLocks locks = new StackLocks(waitForLock, session.clock())) {
            List<RunListener> all = new ArrayList<>(listeners);
            Plan guarded = plan;
            if (!dryRun) {
                if (locked) {
                    guarded = locks.guard(plan, stacks.stream().collect(Collectors.toMap(Stack::name, Stack::directory,
                            (first, second) -> first)));
                }
                all.add(locks);
                all.add(new JournalListener(Journal.at(session.processEnvironment()), session.clock(), cancellation,
                        session.err()));
            }
            return execute(guarded, dryRun, gate, all, cancellation);
        }
    }

    private int execute(Plan plan, boolean dryRun, StageGate gate, List<RunListener> listeners, Cancellation cancellation) {
        StageGate effectiveGate = dryRun && !gate.consultedInDryRun() ? StageGate.ALWAYS : gate;
        try (ProgressDisplay display = ProgressDisplay.choose(session, plan, dryRun, effectiveGate, cancellation)) {
            List<RunListener> all = new ArrayList<>(display.listeners());
            all.addAll(listeners);
            Runner runner = new Runner(session.processRunner(), dryRun ? StageExecutor.DRY_RUN : StageExecutor.REAL,
                    display.gate(), new CompositeRunListener(all), cancellation);
            RunReport report = runner.run(plan);
            return report.exitCode();
        }
    }

    /**
     * A stack whose .env holds what Docker Compose refuses fails before anything runs, naming file,
     * line and reason; the other stacks go on.
     */
    static Function<StackSnapshot, StackPlan> refusingBadEnvFiles(Function<StackSnapshot, StackPlan> planner) {
        return stack -> {
            if (!stack.environment().hasErrors()) {
                return planner.apply(stack);
            }
            List<String> errors = stack.environment().errorLines();
            return StackPlan.invalid(stack.name(), "Docker Compose would refuse the .env: " + String.join("; ", errors),
                    stack.environment().problemLines(), stack.environment().secretValues());
        };
    }

    private Function<StackSnapshot, StackPlan> planner(String command, List<String> rest, boolean dryRun,
            StackReader reader) {
        LocalDateTime now = LocalDateTime.now(session.clock());
        DatabasePlanner database = new DatabasePlanner(session.hookTimeout(), dryRun);
        if (command.equals("db:export")) {
            DatabaseArguments.Export options = parse(new DatabaseArguments.Export(), command, rest);
            dev.kompose.db.DumpFormat format;
            try {
                format = dev.kompose.db.DumpFormat.parse(options.format);
            } catch (IllegalArgumentException wrong) {
                throw new UsageException(command + ": " + wrong.getMessage());
            }
            return stack -> database.export(stack, now, format);
        }
        if (command.equals("db:import")) {
            DatabaseArguments.Import options = parse(new DatabaseArguments.Import(), command, rest);
            if (options.jobs < 1) {
                throw new UsageException("--jobs must be 1 or more, not " + options.jobs);
            }
            return stack -> database.importDump(stack, requestedDump(stack, options.file), dumps(stack),
                    options.keepPrevious, now, options.jobs);
        }
        if (command.equals("db:cleanup")) {
            DatabaseArguments.Cleanup options = parse(new DatabaseArguments.Cleanup(), command, rest);
            if (options.keep < 0) {
                throw new UsageException("--keep must be 0 or more, not " + options.keep);
            }
            return stack -> database.cleanup(stack, options.keep, dumps(stack));
        }
        if (command.startsWith("db:")) {
            throw new UsageException("Unknown command " + command + " (kompose knows db:export, db:import, db:cleanup,"
                    + " db:list)");
        }
        if (command.startsWith("-")) {
            throw new UsageException("Options go before PATTERN: " + command + " came after it (see kompose --help)");
        }
        ComposePlanner compose = new ComposePlanner(composeProgram(), session.hookTimeout(), dryRun);
        return stack -> compose.plan(stack, command, rest);
    }

    private ComposeProgram composeProgram() {
        String configured = session.overrides().getOrDefault("KOMPOSE_COMPOSE",
                session.processEnvironment().get("KOMPOSE_COMPOSE"));
        return ComposeProgram.configured(configured).orElseGet(() -> ComposeProgram.fromProbe(
                session.processRunner().run(ComposeProgram.pluginProbe(), dev.kompose.exec.ProcessObserver.IGNORE,
                        Cancellation.none())));
    }

    /** The FILE argument of db:import, resolved against the stack folder first, then the current folder. */
    private static DumpFile requestedDump(StackSnapshot stack, String file) {
        if (file == null) {
            return null;
        }
        Path given = Path.of(file);
        Path inStack = stack.stack().directory().resolve(given);
        Path chosen = Files.exists(inStack) ? inStack : given.toAbsolutePath();
        long size;
        try {
            size = Files.size(chosen);
        } catch (IOException missing) {
            size = -1;
        }
        return new DumpFile(chosen.normalize(), null, 0, size);
    }

    private static List<DumpFile> dumps(StackSnapshot stack) {
        return DatabaseSettings.from(stack.environment())
                .map(settings -> DumpFiles.listOrEmpty(stack.stack().directory(), settings.name()))
                .orElse(List.of());
    }

    private static <T> T parse(T options, String command, List<String> arguments) {
        CommandLine parser = new CommandLine(options);
        try {
            parser.parseArgs(arguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException wrong) {
            throw new UsageException(command + ": " + wrong.getMessage());
        }
        return options;
    }

    private static String describe(String command, List<String> arguments) {
        return arguments.isEmpty() ? command : command + " " + dev.kompose.exec.ShellQuoting.join(arguments);
    }
}
