package dev.kompose.stack;

import dev.kompose.compose.ComposeFacts;
import dev.kompose.hooks.HookCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads stacks from disk into snapshots, with the root .env read once for the whole run: for each
 * stack its layered environment, its hooks and the facts of its compose file (parsed once).
 */
public final class StackReader {
    private final Path root;
    private final Map<String, String> processEnvironment;
    private final EnvFile rootEnv;
    private final String network;
    private final Map<String, String> overrides;

    public StackReader(Path root, Map<String, String> processEnvironment, String network, Map<String, String> overrides) {
        this.root = root;
        this.processEnvironment = processEnvironment;
        this.rootEnv = EnvFileParser.read(root.resolve(".env"), processEnvironment::get);
        this.network = network;
        this.overrides = overrides;
    }

    public Path root() {
        return root;
    }

    /** Problems in the root .env file, reported once per run. */
    public List<EnvProblem> rootProblems() {
        return rootEnv.problems();
    }

    public StackSnapshot read(Stack stack) {
        StackEnvironment environment = StackEnvironment.layer(processEnvironment, rootEnv, stack.envFile(), network, overrides);
        HookCatalog hooks;
        try {
            hooks = HookCatalog.read(stack.hooksFile());
        } catch (IOException unreadable) {
            hooks = HookCatalog.none();
        }
        ComposeFacts compose = ComposeFileReader.read(stack.composeFile(), environment::get);
        return new StackSnapshot(stack, root, environment, hooks, compose);
    }
}
