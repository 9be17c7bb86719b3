package dev.kompose.db;

import dev.kompose.compose.ComposeEnvFile;
import dev.kompose.compose.ComposeService;
import dev.kompose.stack.StackEnvironment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach a stack's database: DB_HOST (default localhost), DB_PORT (5432), DB_USER,
 * DB_PASSWORD, DB_NAME, and where each value came from. Where a DB_ variable is unset, the
 * PostgreSQL service's own definition in the compose file stands in (POSTGRES_USER,
 * POSTGRES_PASSWORD, POSTGRES_DB from its {@code environment:} and {@code env_file:}, already
 * interpolated), then the same POSTGRES_ variables in the stack's environment, then the image's
 * defaults (user "postgres", database = user). So a stack running a published compose file with
 * only its own .env needs no DB_ lines.
 *
 * @param origins for DB_NAME, DB_USER, DB_PASSWORD, DB_HOST and DB_PORT: where the value came from
 *     ("stack .env", "service db environment:", "service db env_file db.env", "image default", ...)
 */
public record DatabaseSettings(String host, String port, String user, String password, String name,
        Map<String, String> origins) {

    public DatabaseSettings {
        origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    public DatabaseSettings(String host, String port, String user, String password, String name) {
        this(host, port, user, password, name, Map.of());
    }

    /** The settings from the environment alone, or empty when neither DB_NAME nor POSTGRES_DB is set. */
    public static Optional<DatabaseSettings> from(StackEnvironment environment) {
        return from(environment, Optional.empty());
    }

    /**
     * The settings from the environment and the stack's PostgreSQL service; empty when there is no
     * such service and neither DB_NAME nor POSTGRES_DB is set.
     */
    public static Optional<DatabaseSettings> from(StackEnvironment environment, Optional<ComposeService> service) {
        Map<String, String> origins = new LinkedHashMap<>();
        String user = pick("DB_USER", "POSTGRES_USER", environment, service, origins);
        if (user == null) {
            user = "postgres";
            origins.put("DB_USER", "image default");
        }
        String name = pick("DB_NAME", "POSTGRES_DB", environment, service, origins);
        if (name == null) {
            if (service.isEmpty()) {
                return Optional.empty();
            }
            name = user;
            origins.put("DB_NAME", "image default (= user)");
        }
        String password = pick("DB_PASSWORD", "POSTGRES_PASSWORD", environment, service, origins);
        if (password == null) {
            password = "";
            origins.put("DB_PASSWORD", "none");
        }
        String host = environment.getOrDefault("DB_HOST", "localhost");
        origins.put("DB_HOST", environment.getOrDefault("DB_HOST", "").isEmpty() ? "default" : environment.origin("DB_HOST"));
        String port = environment.getOrDefault("DB_PORT", "5432");
        origins.put("DB_PORT", environment.getOrDefault("DB_PORT", "").isEmpty() ? "default" : environment.origin("DB_PORT"));
        return Optional.of(new DatabaseSettings(host, port, user, password, name, origins));
    }

    /** DB_x from the environment, else POSTGRES_x of the service, else POSTGRES_x of the environment; null when none. */
    private static String pick(String setting, String imageVariable, StackEnvironment environment,
            Optional<ComposeService> service, Map<String, String> origins) {
        String own = environment.getOrDefault(setting, "");
        if (!own.isEmpty()) {
            origins.put(setting, environment.origin(setting));
            return own;
        }
        if (service.isPresent()) {
            String fromService = service.get().containerEnvironment().getOrDefault(imageVariable, "");
            if (!fromService.isEmpty()) {
                origins.put(setting, serviceOrigin(service.get(), imageVariable));
                return fromService;
            }
        }
        String fromEnvironment = environment.getOrDefault(imageVariable, "");
        if (!fromEnvironment.isEmpty()) {
            origins.put(setting, imageVariable + " in " + environment.origin(imageVariable));
            return fromEnvironment;
        }
        return null;
    }

    private static String serviceOrigin(ComposeService service, String variable) {
        if (service.environment().containsKey(variable)) {
            return variable + " in service " + service.name() + "'s environment:";
        }
        String file = "";
        for (ComposeEnvFile envFile : service.envFiles()) {
            if (envFile.values().containsKey(variable)) {
                file = envFile.path();
            }
        }
        return variable + " in service " + service.name() + "'s env_file " + file;
    }

    /** "DB_NAME=directus (stack .env), DB_USER=postgres (image default), DB_PASSWORD=*** (...)": the password masked. */
    public String describeOrigins() {
        StringBuilder text = new StringBuilder();
        appendOrigin(text, "DB_NAME", name);
        appendOrigin(text, "DB_USER", user);
        appendOrigin(text, "DB_PASSWORD", password.isEmpty() ? "(none)" : "***");
        return text.toString();
    }

    private void appendOrigin(StringBuilder text, String setting, String value) {
        if (!text.isEmpty()) {
            text.append(", ");
        }
        text.append(setting).append('=').append(value);
        String origin = origins.get(setting);
        if (origin != null && !origin.isEmpty() && !origin.equals("none")) {
            text.append(" (").append(origin).append(')');
        }
    }

    @Override
    public String toString() {
        return "DatabaseSettings[host=" + host + ", port=" + port + ", user=" + user + ", password=***, name=" + name + "]";
    }
}
