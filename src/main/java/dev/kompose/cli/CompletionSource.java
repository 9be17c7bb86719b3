package dev.kompose.cli;

import dev.kompose.db.DatabaseSettings;
import dev.kompose.db.DumpCatalog;
import dev.kompose.db.DumpFile;
import dev.kompose.hooks.HookCatalog;
import dev.kompose.stack.EnvFile;
import dev.kompose.stack.EnvFileParser;
import dev.kompose.stack.Stack;
import dev.kompose.stack.StackDiscovery;
import dev.kompose.stack.StackPattern;
import dev.kompose.read.StackReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What completion offers, read from disk every time it is asked (a stack created a moment ago is
 * offered at the next TAB): stack names, the dump files of the stacks a pattern selects (newest
 * first), the hook functions they define, the keys of their .env files. Used by the shell's
 * completer and by {@code kompose __complete} for the bash, zsh and fish scripts. Never fails:
 * an unreadable root or a pattern matching nothing simply offers nothing.
 */
public final class CompletionSource {
    /** Variables worth offering to -e and set even when no .env mentions them. */
    static final List<String> WELL_KNOWN_KEYS = List.of("DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME",
            "NETWORK_NAME", "KOMPOSE_COMPOSE");

    private final Supplier<Path> root;
    private final Map<String, String> processEnvironment;

    public CompletionSource(Supplier<Path> root, Map<String, String> processEnvironment) {
        this.root = root;
        this.processEnvironment = processEnvironment;
    }

    public Path root() {
        return root.get();
    }

    public List<String> stackNames() {
        return stacks().stream().map(Stack::name).toList();
    }

    /** The dump files of the stacks the pattern selects, newest first (stack by stack). */
    public List<DumpFile> dumpFiles(String pattern) {
        List<DumpFile> dumps = new ArrayList<>();
        StackReader reader = reader();
        for (Stack stack : selected(pattern)) {
            reader.read(stack, DumpCatalog.Reading.NAMES, null).dumps().entries().forEach(dump -> dumps.add(dump.file()));
        }
        return dumps;
    }

    /** The hook functions the selected stacks define, in the order their hooks.sh defines them. */
    public List<String> hookNames(String pattern) {
        Set<String> names = new LinkedHashSet<>();
        for (Stack stack : selected(pattern)) {
            try {
                names.addAll(HookCatalog.read(stack.hooksFile()).functionNames());
            } catch (IOException unreadable) {
                // nothing to offer from this stack
            }
        }
        return List.copyOf(names);
    }

    /** Keys for -e / set: the root .env's, the selected stacks' (all stacks when pattern is null), and well-known ones. */
    public List<String> environmentKeys(String pattern) {
        Set<String> keys = new LinkedHashSet<>();
        keys.addAll(EnvFileParser.read(root().resolve(".env"), processEnvironment::get).values().keySet());
        if (pattern != null) {
            for (Stack stack : selected(pattern)) {
                EnvFile file = EnvFileParser.read(stack.envFile(), processEnvironment::get);
                keys.addAll(file.values().keySet());
            }
        }
        keys.addAll(WELL_KNOWN_KEYS);
        return List.copyOf(keys);
    }

    List<Stack> selected(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return List.of();
        }
        try {
            return StackPattern.parse(pattern).select(stacks());
        } catch (StackPattern.PatternException noMatch) {
            return List.of();
        }
    }

    private List<Stack> stacks() {
        try {
            return StackDiscovery.discover(root());
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    private StackReader reader() {
        return new StackReader(root(), processEnvironment, null, Map.of());
    }
}
