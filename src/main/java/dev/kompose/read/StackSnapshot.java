package dev.kompose.read;

import dev.kompose.compose.ComposeFacts;
import dev.kompose.compose.ComposeService;
import dev.kompose.compose.PostgresServiceChoice;
import dev.kompose.db.ToolChoice;
import dev.kompose.db.DatabaseSettings;
import dev.kompose.db.DumpCatalog;
import dev.kompose.docker.DockerEngine;
import dev.kompose.hooks.HookCatalog;
import dev.kompose.stack.Interpolator;
import dev.kompose.stack.Stack;
import dev.kompose.stack.StackEnvironment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What planning needs to know about one stack, read once from disk before anything is planned:
 * its environment after layering, the hooks it defines, the facts of its compose file, and its
 * dumps judged as far as the operation needs. Planners read this, never the disk.
 *
 * @param stack the stack
 * @param root the stacks root
 * @param environment the layered environment
 * @param hooks the hook functions of its hooks.sh
 * @param compose the facts of its compose file (services, images, project name), interpolated
 *     with the layered environment
 * @param dumps the stack's dumps, as far as the operation needs them read
 * @param engine the Docker engine its containers run on (every docker child gets {@link DockerEngine#variables()})
 * @param checkedTools where the database tools run as the version check before planning found it
 *     (see {@link dev.kompose.db.ToolCheck}), or null when it has not run
 */
public record StackSnapshot(Stack stack, Path root, StackEnvironment environment, HookCatalog hooks,
        ComposeFacts compose, DumpCatalog dumps, DockerEngine engine, ToolChoice checkedTools) {

    /** What Compose v2 drops from a folder name to make a project name, and what may not lead one (compiled once: asked at every stage). */
    private static final Pattern NOT_IN_PROJECT_NAMES = Pattern.compile("[^a-z0-9_-]");
    private static final Pattern LEADING_NON_ALPHANUMERICS = Pattern.compile("^[^a-z0-9]+");

    public StackSnapshot {
        compose = compose == null ? ComposeFacts.empty() : compose;
        dumps = dumps == null ? DumpCatalog.EMPTY : dumps;
        engine = engine == null ? DockerEngine.DEFAULT : engine;
    }

    /** A stack on docker's default engine whose database tools are not checked yet (tests, and callers that resolve no engine). */
    public StackSnapshot(Stack stack, Path root, StackEnvironment environment, HookCatalog hooks, ComposeFacts compose,
            DumpCatalog dumps) {
        this(stack, root, environment, hooks, compose, dumps, DockerEngine.DEFAULT, null);
    }

    /** The same snapshot with the database tools as the version check found them. */
    public StackSnapshot withCheckedTools(ToolChoice checked) {
        return new StackSnapshot(stack, root, environment, hooks, compose, dumps, engine, checked);
    }

    /**
     * Where the database tools run and why: the version check's verdict when it ran (a real run),
     * else the choice from the settings alone (dry-run, listings).
     */
    public ToolChoice databaseTools() {
        if (checkedTools != null) {
            return checkedTools;
        }
        return ToolChoice.choose(environment, postgresService(), compose.postgresCandidates());
    }

    public String name() {
        return stack.name();
    }

    public Path folder() {
        return stack.directory();
    }

    /** How to reach the stack's database, or empty when it names none. */
    public Optional<DatabaseSettings> databaseSettings() {
        Optional<ComposeService> service = postgresService() instanceof PostgresServiceChoice.Chosen chosen
                ? Optional.of(chosen.service()) : Optional.empty();
        return DatabaseSettings.from(environment, service);
    }

    /**
     * The PostgreSQL service of its compose file: the one DB_SERVICE names, else the only service
     * with a PostgreSQL image; or why there is none.
     */
    public PostgresServiceChoice postgresService() {
        return compose.postgresService(environment.get("DB_SERVICE"));
    }

    /**
     * Its compose file has a service with a PostgreSQL image (one or several), or DB_SERVICE names
     * one of its services. Which one to use, or why none can be used, is {@link #postgresService()}.
     */
    public boolean runsPostgres() {
        return !compose.postgresCandidates().isEmpty() || postgresService() instanceof PostgresServiceChoice.Chosen;
    }

    /** A database stack: its compose file runs PostgreSQL, or its environment sets DB_NAME. */
    public boolean isDatabaseStack() {
        return runsPostgres() || environment.stackValues().containsKey("DB_NAME");
    }

    /**
     * The compose project name, chosen as Compose v2 does: COMPOSE_PROJECT_NAME if set, else the
     * compose file's top-level {@code name:} (interpolated), else the folder name normalised.
     * kompose hands it to compose and hooks as COMPOSE_PROJECT_NAME, so it must not differ from
     * what {@code docker compose} picks by itself in the stack folder.
     */
    public String composeProjectName() {
        String configured = environment.get("COMPOSE_PROJECT_NAME");
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        String declared = Interpolator.interpolate(compose.projectName(), environment::get).value().strip();
        if (!declared.isEmpty()) {
            return declared;
        }
        String normalised = NOT_IN_PROJECT_NAMES.matcher(stack.name().toLowerCase(Locale.ROOT)).replaceAll("");
        return LEADING_NON_ALPHANUMERICS.matcher(normalised).replaceFirst("");
    }

    /**
     * The variables kompose adds for hooks and compose commands: the layered .env values and
     * overrides, plus KOMPOSE_ROOT, KOMPOSE_STACK, KOMPOSE_DRY_RUN, COMPOSE_PROJECT_NAME and the
     * original script's SCRIPT_DIR and stack; and the stack's engine (DOCKER_HOST / DOCKER_CONTEXT,
     * see {@link DockerEngine#variables()}), so that every docker child reaches that engine.
     */
    public Map<String, String> childEnvironment(boolean dryRun) {
        Map<String, String> variables = new LinkedHashMap<>(environment.stackValues());
        variables.put("KOMPOSE_ROOT", root.toString());
        variables.put("KOMPOSE_STACK", stack.name());
        variables.put("KOMPOSE_DRY_RUN", dryRun ? "true" : "false");
        variables.put("COMPOSE_PROJECT_NAME", composeProjectName());
        variables.put("SCRIPT_DIR", root.toString());
        variables.put("stack", stack.name());
        variables.putAll(engine.variables());
        return variables;
    }
}
