package dev.kompose.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stack's environment after layering (later wins): process environment &lt; root .env &lt;
 * stack .env &lt; --network (NETWORK_NAME) &lt; -e overrides. Built fresh for each stack, so
 * nothing one stack's .env sets can reach another stack.
 *
 * <p>The process environment is held as one map shared by every stack of a run, not copied into each
 * (a copy per stack was a fifth of a 1,000-stack listing's read): a variable is looked up in the
 * stack's own values first, then there.
 *
 * @param processValues the environment kompose runs in (copied unless it is an immutable map already, as
 *     the read phase passes it: one copy per run)
 * @param stackValues only what the root and stack .env files, --network and -e set (what kompose adds for children)
 * @param problems what reading the .env files found: every error of the root and stack .env (any error fails the
 *     stack, as Docker Compose refuses such a file) and the stack .env's warnings (the root .env's are reported once per run)
 */
public record StackEnvironment(Map<String, String> processValues, Map<String, String> stackValues,
        List<EnvProblem> problems, Map<String, String> origins) {
    private static final List<String> SECRET_NAME_PARTS =
            List.of("PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "PRIVATE_KEY", "API_KEY", "CREDENTIAL");

    public StackEnvironment {
        processValues = Map.copyOf(processValues);
        stackValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stackValues));
        problems = List.copyOf(problems);
        origins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    /** An environment whose variables' origins are not known (tests, values built by hand); values: every variable. */
    public StackEnvironment(Map<String, String> values, Map<String, String> stackValues, List<EnvProblem> problems) {
        this(values, stackValues, problems, Map.of());
    }

    /**
     * Where a variable's value came from, for listings and dry-run: "-e", "--network", "stack .env",
     * "root .env" or "process environment"; "" when it is not set.
     */
    public String origin(String name) {
        if (!stackValues.containsKey(name) && !processValues.containsKey(name)) {
            return "";
        }
        return origins.getOrDefault(name, "process environment");
    }

    /**
     * Layers the environment for one stack.
     *
     * @param processEnvironment the environment kompose runs in
     * @param rootEnv the parsed root .env (read once per run)
     * @param stackEnvFile the stack's .env path (may be missing)
     * @param network the --network value, or null
     * @param overrides the -e KEY=VALUE overrides, in order
     */
    public static StackEnvironment layer(Map<String, String> processEnvironment, EnvFile rootEnv, Path stackEnvFile,
            String network, Map<String, String> overrides) {
        Map<String, String> added = new LinkedHashMap<>(rootEnv.values());
        Map<String, String> origins = new LinkedHashMap<>();
        rootEnv.values().keySet().forEach(name -> origins.put(name, "root .env"));
        Map<String, String> root = rootEnv.values();
        EnvFile stackEnv = EnvFileParser.read(stackEnvFile, name -> {
            String rootValue = root.get(name);
            return rootValue != null ? rootValue : processEnvironment.get(name);
        });
        added.putAll(stackEnv.values());
        stackEnv.values().keySet().forEach(name -> origins.put(name, "stack .env"));
        if (network != null && !network.isEmpty()) {
            added.put("NETWORK_NAME", network);
            origins.put("NETWORK_NAME", "--network");
        }
        added.putAll(overrides);
        overrides.keySet().forEach(name -> origins.put(name, "-e"));
        List<EnvProblem> problems = new ArrayList<>(rootEnv.problems().stream().filter(EnvProblem::isError).toList());
        problems.addAll(stackEnv.problems());
        return new StackEnvironment(processEnvironment, added, problems, origins);
    }

    /** Every variable, in layering order (a new map: lookups use {@link #get(String)}). */
    public Map<String, String> values() {
        Map<String, String> all = new LinkedHashMap<>(processValues);
        all.putAll(stackValues);
        return java.util.Collections.unmodifiableMap(all);
    }

    public String get(String name) {
        String value = stackValues.get(name);
        return value != null ? value : processValues.get(name);
    }

    public String getOrDefault(String name, String fallback) {
        String value = get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** Names whose values are secrets (passwords, tokens), by the usual naming conventions. */
    public static boolean isSecretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String part : SECRET_NAME_PARTS) {
            if (upper.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The names among the stack's variables that hold secrets. */
    public Set<String> secretNames() {
        Set<String> names = new TreeSet<>(secretNamesOf(processValues));
        for (String name : stackValues.keySet()) {
            if (isSecretName(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The secret names of a run's process environment, and that environment (every stack of a run shares it). */
    private record ProcessSecrets(Map<String, String> processValues, Set<String> names) {
    }

    /**
     * Asked for every stage of every stack, and the process environment is the same map for all of them:
     * its secret names are worked out once per run (at 1,000 stacks, judging every name of it again was a
     * tenth of an export dry run's planning).
     */
    private static volatile ProcessSecrets lastProcessSecrets;

    private static Set<String> secretNamesOf(Map<String, String> processValues) {
        ProcessSecrets known = lastProcessSecrets;
        if (known != null && known.processValues() == processValues) {
            return known.names();
        }
        Set<String> names = new TreeSet<>();
        for (String name : processValues.keySet()) {
            if (isSecretName(name)) {
                names.add(name);
            }
        }
        Set<String> unmodifiable = java.util.Collections.unmodifiableSet(names);
        lastProcessSecrets = new ProcessSecrets(processValues, unmodifiable);
        return unmodifiable;
    }

    /** The secret values, for masking output. */
    public Set<String> secretValues() {
        Set<String> secrets = new TreeSet<>();
        for (String name : secretNames()) {
            String value = get(name);
            if (value != null && !value.isEmpty()) {
                secrets.add(value);
            }
        }
        return secrets;
    }

    /** Warnings as operators read them: "file:line: message" (what Compose accepts but is probably a mistake). */
    public List<String> problemLines() {
        return problems.stream().filter(problem -> !problem.isError()).map(EnvProblem::describe).toList();
    }

    /** Errors as operators read them: "file:line: message" (what Compose refuses; the stack cannot run). */
    public List<String> errorLines() {
        return problems.stream().filter(EnvProblem::isError).map(EnvProblem::describe).toList();
    }

    /** Whether a .env file of this stack holds something Docker Compose refuses. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(EnvProblem::isError);
    }
}
