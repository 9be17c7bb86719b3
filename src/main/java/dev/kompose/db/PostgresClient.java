package dev.kompose.db;

import dev.kompose.exec.CommandSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the pg_dump and psql commands for one database server. The password travels only in the
 * child's PGPASSWORD variable, never in arguments; database names pass as data (a conninfo
 * string or a psql variable), never spliced into a command line a shell would read. Each tool runs
 * in its own process group, so a Ctrl-C at the terminal reaches kompose alone, which then stops the
 * tool and cleans up in order.
 */
public final class PostgresClient {
    /** The database psql connects to for CREATE / ALTER / DROP DATABASE, unless the stack's own database is that one. */
    public static final String MAINTENANCE_DATABASE = "postgres";
    private static final String FALLBACK_MAINTENANCE_DATABASE = "template1";

    private final DatabaseSettings settings;
    private final Path workingDirectory;

    public PostgresClient(DatabaseSettings settings, Path workingDirectory) {
        this.settings = settings;
        this.workingDirectory = workingDirectory;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** pg_dump of the stack's database in plain SQL format into outputFile. */
    public CommandSpec dump(Path outputFile) {
        return dump(outputFile, DumpFormat.PLAIN);
    }

    /** pg_dump of the stack's database in format into outputFile (pg_dump compresses and writes it itself). */
    public CommandSpec dump(Path outputFile, DumpFormat format) {
        List<String> argv = new ArrayList<>(List.of("pg_dump"));
        argv.addAll(connectionArguments(settings.name()));
        argv.addAll(format.dumpArguments());
        argv.add("--file=" + outputFile);
        return withEnvironment(argv);
    }

    /**
     * gzip -dc of a compressed plain dump piped into psql, stopping at the first error; bash's
     * pipefail makes a truncated or corrupt file fail the restore. File and psql arguments reach
     * bash as positional parameters, never as script text.
     */
    public CommandSpec restoreCompressed(String database, Path dumpFile) {
        List<String> argv = new ArrayList<>(List.of("bash", "-c",
                "set -o pipefail; gzip -dc -- \"$1\" | \"${@:2}\"", "kompose-restore", dumpFile.toString(), "psql"));
        argv.addAll(connectionArguments(database));
        argv.addAll(List.of("--no-psqlrc", "--quiet", "--output=/dev/null", "--set=ON_ERROR_STOP=1"));
        return withEnvironment(argv);
    }

    /** pg_restore of a custom-format archive into database with jobs parallel workers, stopping at the first error. */
    public CommandSpec restoreArchive(String database, Path archive, int jobs) {
        List<String> argv = new ArrayList<>(List.of("pg_restore"));
        argv.addAll(connectionArguments(database));
        argv.add("--exit-on-error");
        if (jobs > 1) {
            argv.add("--jobs=" + jobs);
        }
        argv.add(archive.toString());
        return withEnvironment(argv);
    }

    /** psql restoring a plain SQL dump into database, stopping at the first error. */
    public CommandSpec restore(String database, Path dumpFile) {
        List<String> argv = new ArrayList<>(List.of("psql"));
        argv.addAll(connectionArguments(database));
        argv.addAll(List.of("--no-psqlrc", "--quiet", "--output=/dev/null", "--set=ON_ERROR_STOP=1",
                "--file=" + dumpFile));
        return withEnvironment(argv);
    }

    /** psql running a script file against database, with psql variables set, stopping at the first error. */
    public CommandSpec script(String database, Path scriptFile, Map<String, String> variables) {
        List<String> argv = new ArrayList<>(List.of("psql"));
        argv.addAll(connectionArguments(database));
        argv.addAll(List.of("--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1"));
        variables.forEach((name, value) -> argv.add("--set=" + name + "=" + value));
        argv.add("--file=" + scriptFile);
        return withEnvironment(argv);
    }

    /** psql running one fixed, read-only query against database, its unaligned result written to outputFile. */
    public CommandSpec query(String database, String sql, Path outputFile) {
        List<String> argv = new ArrayList<>(List.of("psql"));
        argv.addAll(connectionArguments(database));
        argv.addAll(List.of("--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--set=ON_ERROR_STOP=1",
                "--output=" + outputFile, "--command=" + sql));
        // a read-only question must never hold up the real work: give up on a locked table or a slow scan
        return commandBuilder(argv).environment("PGOPTIONS", "-c lock_timeout=2s -c statement_timeout=60s").build();
    }

    /** A database to connect to while renaming or dropping the given ones: "postgres", else "template1". */
    public static String maintenanceDatabaseAvoiding(java.util.Collection<String> databases) {
        return databases.contains(MAINTENANCE_DATABASE) ? FALLBACK_MAINTENANCE_DATABASE : MAINTENANCE_DATABASE;
    }

    private List<String> connectionArguments(String database) {
        return List.of("--host=" + settings.host(), "--port=" + settings.port(), "--username=" + settings.user(),
                "--no-password", "--dbname=" + databaseArgument(database));
    }

    private CommandSpec withEnvironment(List<String> argv) {
        return commandBuilder(argv).build();
    }

    private CommandSpec.Builder commandBuilder(List<String> argv) {
        return CommandSpec.of(argv)
                .workingDirectory(workingDirectory)
                .secret("PGPASSWORD", settings.password().isEmpty() ? null : settings.password())
                .environment("PGCONNECT_TIMEOUT", "10")
                .environment("PGAPPNAME", "kompose")
                .standardInput(Path.of("/dev/null"))
                .ownProcessGroup(true);
    }

    /**
     * The --dbname value: the plain name, unless libpq would read it as a connection string (it
     * holds '=' or starts with a URI prefix); then a conninfo string naming it as data.
     */
    static String databaseArgument(String database) {
        boolean readAsConnectionString = database.contains("=")
                || database.startsWith("postgres://") || database.startsWith("postgresql://");
        if (!readAsConnectionString) {
            return database;
        }
        return "dbname='" + database.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
