package dev.kompose.read;

import dev.kompose.compose.ComposeFacts;
import dev.kompose.db.DumpCatalog;
import dev.kompose.docker.DockerEngine;
import dev.kompose.docker.EngineResolver;
import dev.kompose.hooks.HookCatalog;
import dev.kompose.stack.ComposeFileReader;
import dev.kompose.stack.ComposeTreeCache;
import dev.kompose.stack.EnvFile;
import dev.kompose.stack.EnvFileParser;
import dev.kompose.stack.EnvProblem;
import dev.kompose.stack.Stack;
import dev.kompose.stack.StackEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The read phase: reads stacks from disk into snapshots, with the root .env read once for the
 * whole run: for each stack its layered environment, its hooks, the facts of its compose file
 * (parsed once) and its dumps, judged as far as the operation needs.
 */
public final class StackReader {
    /** From how many stacks readAll reads in parallel (below, starting the pool's threads costs more than it saves). */
    static final int PARALLEL_FROM = 32;
    private final Path root;
    private final Map<String, String> processEnvironment;
    private final EnvFile rootEnv;
    private final String network;
    private final Map<String, String> overrides;
    private final EngineResolver engines;
    private final ComposeTreeCache composeTrees;

    public StackReader(Path root, Map<String, String> processEnvironment, String network, Map<String, String> overrides) {
        this(root, processEnvironment, network, overrides, null);
    }

    /** runContext: the run's --context NAME (every stack's engine), or null. */
    public StackReader(Path root, Map<String, String> processEnvironment, String network, Map<String, String> overrides,
            String runContext) {
        this.engines = new EngineResolver(runContext);
        this.root = root;
        this.processEnvironment = Map.copyOf(processEnvironment); // once per run: every stack's environment shares it
        this.rootEnv = EnvFileParser.read(root.resolve(".env"), processEnvironment::get);
        this.network = network;
        this.overrides = overrides;
        this.composeTrees = ComposeTreeCache.of(processEnvironment, root);
    }

    public Path root() {
        return root;
    }

    /** Problems in the root .env file, reported once per run. */
    public List<EnvProblem> rootProblems() {
        return rootEnv.problems();
    }

    /** The stack without its dumps (what listings of hooks and completion need). */
    public StackSnapshot read(Stack stack) {
        return read(stack, DumpCatalog.Reading.NONE, null);
    }

    /**
     * Every stack read as {@link #read(Stack, DumpCatalog.Reading, String)} does, in the order given.
     * Stacks are independent (nothing one stack's files say reaches another), so with more than a
     * handful they are read on all processors: the read is file-system calls and parsing, and at a
     * thousand stacks it is most of a listing's time.
     */
    public List<StackSnapshot> readAll(List<Stack> stacks, DumpCatalog.Reading reading, String requestedDump) {
        var stream = stacks.size() >= PARALLEL_FROM ? stacks.parallelStream() : stacks.stream();
        List<StackSnapshot> snapshots = stream.map(stack -> read(stack, reading, requestedDump)).toList();
        composeTrees.save();
        return snapshots;
    }

    /** The stack with its dumps read as far as reading asks, and requestedDump (or null) judged. */
    public StackSnapshot read(Stack stack, DumpCatalog.Reading reading, String requestedDump) {
        StackEnvironment environment = StackEnvironment.layer(processEnvironment, rootEnv, stack.envFile(), network, overrides);
        HookCatalog hooks;
        try {
            hooks = HookCatalog.read(stack.hooksFile());
        } catch (IOException unreadable) {
            hooks = HookCatalog.none();
        }
        ComposeFacts compose = ComposeFileReader.read(stack.composeFile(), environment::get, composeTrees);
        StackSnapshot withoutDumps = new StackSnapshot(stack, root, environment, hooks, compose, DumpCatalog.EMPTY);
        DumpCatalog dumps = withoutDumps.databaseSettings()
                .map(settings -> DumpCatalog.read(stack.directory(), settings.name(), reading, requestedDump))
                .orElse(DumpCatalog.EMPTY);
        return new StackSnapshot(stack, root, environment, hooks, compose, dumps, engine(environment), null);
    }

    /** The stack's engine: the most specific layer naming DOCKER_HOST or DOCKER_CONTEXT (the stack's .env can pin it). */
    private DockerEngine engine(StackEnvironment environment) {
        Map<String, String> stackEnv = new java.util.HashMap<>();
        for (String name : List.of("DOCKER_HOST", "DOCKER_CONTEXT")) {
            String value = environment.stackValues().get(name);
            if (value != null && !overrides.containsKey(name) && !value.equals(rootEnv.values().get(name))) {
                stackEnv.put(name, value);
            }
        }
        return engines.resolve(List.of(new EngineResolver.Layer(DockerEngine.Origin.OVERRIDE, overrides),
                new EngineResolver.Layer(DockerEngine.Origin.STACK_ENV, stackEnv),
                new EngineResolver.Layer(DockerEngine.Origin.ROOT_ENV, rootEnv.values()),
                new EngineResolver.Layer(DockerEngine.Origin.PROCESS, processEnvironment)), environment::get);
    }
}
