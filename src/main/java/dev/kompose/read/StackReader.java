package dev.kompose.read;

import dev.kompose.db.DatabaseSettings;
import dev.kompose.db.DumpCatalog;
import dev.kompose.hooks.HookCatalog;
import dev.kompose.stack.EnvFile;
import dev.kompose.stack.EnvFileParser;
import dev.kompose.stack.EnvProblem;
import dev.kompose.stack.Stack;
import dev.kompose.stack.StackEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The read phase: reads stacks from disk into snapshots, with the root .env read once for the
 * whole run, and each stack's dumps judged as far as the operation needs.
 */
public final class StackReader {
    private static final Pattern POSTGRES_IMAGE =
            Pattern.compile("^\\s*image\\s*:\\s*[\"']?[^\\s\"'#]*postgres", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

    /** A top-level (unindented) name: key of a compose file. */
    private static final Pattern PROJECT_NAME = Pattern.compile("^name[ \\t]*:[ \\t]*(\\S.*)$", Pattern.MULTILINE);

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

    /** The stack without its dumps (what listings of stacks, hooks and completion need). */
    public StackSnapshot read(Stack stack) {
        return read(stack, DumpCatalog.Reading.NONE, null);
    }

    /**
     * The stack with its dumps read as far as reading asks, and requestedDump (or null) judged.
     */
    public StackSnapshot read(Stack stack, DumpCatalog.Reading reading, String requestedDump) {
        StackEnvironment environment = StackEnvironment.layer(processEnvironment, rootEnv, stack.envFile(), network, overrides);
        HookCatalog hooks;
        try {
            hooks = HookCatalog.read(stack.hooksFile());
        } catch (IOException unreadable) {
            hooks = HookCatalog.none();
        }
        DumpCatalog dumps = DatabaseSettings.from(environment)
                .map(settings -> DumpCatalog.read(stack.directory(), settings.name(), reading, requestedDump))
                .orElse(DumpCatalog.EMPTY);
        return new StackSnapshot(stack, root, environment, hooks, runsPostgres(stack.composeFile()),
                declaredProjectName(stack.composeFile()), dumps);
    }

    /** The compose file's top-level {@code name:} value as written (quotes and comment removed), or "". */
    static String declaredProjectName(Path composeFile) {
        String text;
        try {
            text = Files.readString(composeFile, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return "";
        }
        java.util.regex.Matcher name = PROJECT_NAME.matcher(text);
        if (!name.find()) {
            return "";
        }
        String value = name.group(1).strip();
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            int closing = value.indexOf(value.charAt(0), 1);
            return closing > 0 ? value.substring(1, closing) : "";
        }
        int comment = value.indexOf(" #");
        return (comment >= 0 ? value.substring(0, comment) : value).strip();
    }

    static boolean runsPostgres(Path composeFile) {
        try {
            return POSTGRES_IMAGE.matcher(Files.readString(composeFile, StandardCharsets.UTF_8)).find();
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return false;
        }
    }
}
