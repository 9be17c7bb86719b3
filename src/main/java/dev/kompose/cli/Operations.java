package dev.kompose.cli;

import dev.kompose.compose.ComposeProbeMemory;
import dev.kompose.compose.ComposeProgram;
import dev.kompose.compose.EngineContainers;
import dev.kompose.db.DumpCatalog;
import dev.kompose.db.ToolChoice;
import dev.kompose.engine.CompositeRunListener;
import dev.kompose.engine.RunListener;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.Runner;
import dev.kompose.engine.StageExecutor;
import dev.kompose.engine.StageGate;
import dev.kompose.exec.Cancellation;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.exec.OutputStreamName;
import dev.kompose.exec.ProcessObserver;
import dev.kompose.plan.Plan;
import dev.kompose.planner.PlanningContext;
import dev.kompose.planner.RunOperation;
import dev.kompose.read.StackReader;
import dev.kompose.read.StackSnapshot;
import dev.kompose.render.RunDocument;
import dev.kompose.render.Style;
import dev.kompose.safety.Journal;
import dev.kompose.safety.JournalListener;
import dev.kompose.safety.StackLocks;
import dev.kompose.stack.Stack;
import dev.kompose.stack.StackDiscovery;
import dev.kompose.stack.StackPattern;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The one path from a parsed verb to its effect, shared by the command line and the shell:
 * select the stacks, read each once into a snapshot (as far as the operation needs), then either
 * list them or plan each purely and hand the plan to the runner with its gate and listeners.
 */
public final class Operations {
    private final Session session;
    private final Prompter prompter;
    private final boolean step;

    public Operations(Session session, Prompter prompter, boolean step) {
        this.session = session;
        this.prompter = prompter;
        this.step = step;
    }

    public Session session() {
        return session;
    }

    /** The stacks under root; an unreadable root is a usage error. */
    static List<Stack> discover(Path root) {
        try {
            return StackDiscovery.discover(root);
        } catch (IOException unreadable) {
            throw new UsageException(unreadable.getMessage());
        }
    }

    /** The read phase's reader for the session; problems of the root .env are reported once, here. */
    static StackReader reader(Session session) {
        Settings settings = session.settings();
        StackReader reader = new StackReader(settings.root(), session.processEnvironment(), settings.network(),
                settings.overrides(), settings.context());
        reader.rootProblems().stream().filter(problem -> !problem.isError()) // errors fail every stack, named there
                .forEach(problem -> session.err().println("[WARN] " + problem.describe()));
        return reader;
    }

    /**
     * Selects stacks; a pattern matching nothing is a usage error naming the stacks there are. Stacks
     * named outright (news, or auth,news) are looked up in their folders without listing the root —
     * in a 1,000-stack root, a thousand stats less for every command; globs list it.
     */
    public List<Stack> select(String pattern) {
        try {
            StackPattern parsed = StackPattern.parse(pattern);
            Optional<List<Stack>> named = parsed.names().flatMap(names -> StackDiscovery.named(session.root(), names));
            return named.isPresent() ? named.get() : parsed.select(discover(session.root()));
        } catch (StackPattern.PatternException noMatch) {
            throw new UsageException(noMatch.getMessage() + " (root: " + session.root() + ")");
        }
    }

    /** A listing: the selected stacks read (dumps as far as reading asks) and shown; changes nothing. */
    public int list(String pattern, DumpCatalog.Reading reading, BiFunction<Listings, List<StackSnapshot>, Integer> listing) {
        List<Stack> stacks = select(pattern);
        StackReader reader = reader(session);
        List<StackSnapshot> snapshots = reader.readAll(stacks, reading, null);
        return listing.apply(Listings.of(session), snapshots);
    }

    /**
     * status: the selected stacks read (their newest complete dump judged), then each distinct
     * engine the stacks name asked once for its compose containers, however many stacks it serves.
     */
    public int status(String pattern, BiFunction<List<StackSnapshot>, Map<String, EngineContainers>, Integer> show) {
        List<Stack> stacks = select(pattern);
        StackReader reader = reader(session);
        List<StackSnapshot> snapshots = reader.readAll(stacks, DumpCatalog.Reading.NEWEST_COMPLETE, null);
        Map<String, EngineContainers> engines = new LinkedHashMap<>();
        for (StackSnapshot stack : snapshots) {
            engines.computeIfAbsent(stack.engine().label(), label -> askEngine(stack.engine()));
        }
        return show.apply(snapshots, engines);
    }

    private EngineContainers askEngine(dev.kompose.docker.DockerEngine pinned) {
        String engine = pinned.label();
        List<String> stdout = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> stderr = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutionResult result = session.processRunner().run(EngineContainers.query(pinned.queryVariables()), new ProcessObserver() {
            @Override
            public void line(OutputStreamName stream, String line) {
                (stream == OutputStreamName.STDOUT ? stdout : stderr).add(line);
            }
        }, Cancellation.none());
        if (!result.succeeded()) {
            String why = result.explain() + (stderr.isEmpty() ? "" : ": " + stderr.get(0));
            session.err().println("[WARN] cannot list the containers of engine " + engine + " (" + why + ")");
            return EngineContainers.unreachable(engine, why);
        }
        EngineContainers containers = EngineContainers.parse(engine, List.copyOf(stdout));
        if (!containers.problem().isEmpty()) {
            session.err().println("[WARN] engine " + engine + ": " + containers.problem());
        }
        return containers;
    }

    /** Plans the operation on every selected stack and runs the plan; returns the exit status. */
    public int run(String pattern, RunOperation operation, boolean dryRunAfterCommand) {
        boolean dryRun = session.settings().dryRun() || dryRunAfterCommand;
        List<Stack> stacks = select(pattern);
        StackReader reader = reader(session);
        List<StackSnapshot> snapshots = reader.readAll(stacks, operation.dumpReading(), operation.requestedDump());
        boolean needsCompose = operation.usesCompose()
                || (operation.usesDatabaseTools() && snapshots.stream().anyMatch(Operations::mayUseContainer));
        PlanningContext context = new PlanningContext(operation.usesStartTime() ? LocalDateTime.now(session.clock()) : null,
                session.settings().hookTimeout(),
                dryRun, needsCompose ? composeProgram() : null);
        if (step && session.settings().parallel() > 1) {
            throw new UsageException("--step shows one stack at a time: leave out --parallel");
        }
        try (RunEngines engines = RunEngines.prepare(session, snapshots, context.composeProgram(), dryRun,
                operation.reachesEngine())) {
            List<StackSnapshot> checked = operation.usesDatabaseTools() && !dryRun
                    ? DatabaseToolChecks.check(snapshots, context, engines) : snapshots;
            Plan plan = new Plan(operation, checked.stream().map(snapshot -> refusingBadEnvFiles(snapshot)
                    .or(() -> engines.refusal(snapshot).map(why -> dev.kompose.plan.StackPlan.invalid(snapshot.name(),
                            snapshot.folder(), why, snapshot.environment().problemLines())))
                    .orElseGet(() -> operation.plan(snapshot, context))).toList());
            Cancellation cancellation = Interrupts.begin();
            try {
                return executeGuarded(plan, dryRun, gate(dryRun), cancellation, engines);
            } finally {
                Interrupts.end();
            }
        }
    }

    /**
     * A stack whose .env holds what Docker Compose refuses fails before anything runs, naming file,
     * line and reason; the other stacks go on.
     */
    static java.util.Optional<dev.kompose.plan.StackPlan> refusingBadEnvFiles(StackSnapshot stack) {
        if (!stack.environment().hasErrors()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(dev.kompose.plan.StackPlan.invalid(stack.name(), stack.folder(),
                "Docker Compose would refuse the .env: " + String.join("; ", stack.environment().errorLines()),
                stack.environment().problemLines(), stack.environment().secretValues()));
    }

    private StageGate gate(boolean dryRun) {
        Settings settings = session.settings();
        if (step) {
            return new StepThroughGate(settings.jsonOutput() ? session.err() : session.out(), new Style(settings.colour()), prompter,
                    dryRun);
        }
        return settings.interactiveTerminal() && !settings.assumeYes() && !dryRun ? new ConfirmationGate(prompter)
                : StageGate.ALWAYS;
    }

    /** A real run holds the per-stack locks (when the operation takes them) and writes the journal; a dry run neither. */
    private int executeGuarded(Plan plan, boolean dryRun, StageGate gate, Cancellation cancellation, RunEngines engines) {
        try (StackLocks locks = new StackLocks(plan.operation().waitsForLock(), session.clock())) {
            List<RunListener> listeners = new ArrayList<>();
            Plan guarded = plan;
            if (!dryRun) {
                if (plan.operation().locksStacks()) {
                    guarded = locks.guard(plan);
                }
                listeners.add(locks);
                listeners.add(new JournalListener(Journal.at(session.processEnvironment()), session.clock(), cancellation,
                        session.err()));
            }
            if (session.settings().jsonOutput()) {
                listeners.add(new RunDocument(session.out(), dryRun, session.clock()));
            }
            StageGate effectiveGate = dryRun && !gate.consultedInDryRun() ? StageGate.ALWAYS : gate;
            try (ProgressDisplay display = ProgressDisplay.choose(session, guarded, dryRun, effectiveGate, cancellation,
                    engines.rowLabels())) {
                List<RunListener> all = new ArrayList<>(display.listeners());
                all.addAll(listeners);
                Runner runner = new Runner(engines.runner(), dryRun ? StageExecutor.DRY_RUN : StageExecutor.REAL,
                        display.gate(), new CompositeRunListener(all), cancellation, session.settings().parallel());
                RunReport report = runner.run(guarded);
                return report.exitCode();
            }
        }
    }

    private static boolean mayUseContainer(StackSnapshot snapshot) {
        ToolChoice choice = snapshot.databaseTools();
        return choice instanceof ToolChoice.Container || (choice instanceof ToolChoice.Host host && host.fallback() != null);
    }

    private ComposeProgram composeProgram() {
        String configured = session.settings().overrides().getOrDefault("KOMPOSE_COMPOSE",
                session.processEnvironment().get("KOMPOSE_COMPOSE"));
        return ComposeProgram.configured(configured).orElseGet(this::probedComposeProgram);
    }

    /**
     * docker compose when its plugin works, else docker-compose: remembered from an earlier run while
     * docker and its plugins are unchanged (see ComposeProbeMemory), else asked of docker and remembered.
     */
    private ComposeProgram probedComposeProgram() {
        java.util.Optional<ComposeProbeMemory> memory = ComposeProbeMemory.of(session.processEnvironment());
        java.time.Instant now = session.clock().instant();
        java.util.Optional<Boolean> remembered = memory.flatMap(known -> known.pluginWorks(now));
        if (remembered.isPresent()) {
            return ComposeProgram.remembered(remembered.get());
        }
        ComposeProgram probed = ComposeProgram.fromProbe(
                session.processRunner().run(ComposeProgram.pluginProbe(), ProcessObserver.IGNORE, Cancellation.none()));
        memory.ifPresent(known -> known.remember(probed.words().equals(ComposeProgram.PLUGIN), now));
        return probed;
    }
}
