package dev.kompose.db;

import dev.kompose.stack.StackEnvironment;
import java.util.Optional;

/**
 * How to reach a stack's database: DB_HOST (default localhost), DB_PORT (5432), DB_USER,
 * DB_PASSWORD, DB_NAME. Where a DB_ variable is unset, the official postgres image's own
 * variables stand in: POSTGRES_USER (else "postgres"), POSTGRES_PASSWORD, POSTGRES_DB.
 */
public record DatabaseSettings(String host, String port, String user, String password, String name) {

    /** The settings, or empty when neither DB_NAME nor POSTGRES_DB is set. */
    public static Optional<DatabaseSettings> from(StackEnvironment environment) {
        String name = environment.getOrDefault("DB_NAME", environment.getOrDefault("POSTGRES_DB", ""));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String user = environment.getOrDefault("DB_USER", environment.getOrDefault("POSTGRES_USER", "postgres"));
        String password = environment.getOrDefault("DB_PASSWORD", environment.getOrDefault("POSTGRES_PASSWORD", ""));
        return Optional.of(new DatabaseSettings(
                environment.getOrDefault("DB_HOST", "localhost"),
                environment.getOrDefault("DB_PORT", "5432"),
                user, password, name));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[host=" + host + ", port=" + port + ", user=" + user + ", password=***, name=" + name + "]";
    }
}
