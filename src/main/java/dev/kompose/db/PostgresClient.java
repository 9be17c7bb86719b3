package dev.kompose.db;

import dev.kompose.exec.CommandSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the pg_dump, psql and pg_restore commands for one database, run either on the host
 * against DB_HOST:DB_PORT or inside the stack's PostgreSQL service ({@link ContainerTarget}) over
 * the container's local socket. In a container the files stay on the host: a dump streams out
 * through the tool's standard output into the file, a restore or a script streams in through its
 * standard input, an answer comes back through standard output; standard error always stays apart.
 * The password travels only in the child's PGPASSWORD variable, never in arguments; database names
 * pass as data (a conninfo string or a psql variable), never spliced into a command line a shell
 * would read. Every tool session carries the application name given here, so a cancelled run can
 * find and end what it left on the server. Each tool runs in its own process group, so a Ctrl-C at
 * the terminal reaches kompose alone, which then stops the tool and cleans up in order.
 */
public final class PostgresClient {
    /** The database psql connects to for CREATE / ALTER / DROP DATABASE, unless the stack's own database is that one. */
    public static final String MAINTENANCE_DATABASE = "postgres";
    private static final String FALLBACK_MAINTENANCE_DATABASE = "template1";

    private final DatabaseSettings settings;
    private final Path workingDirectory;
    private final ContainerTarget container;
    private final String applicationName;

    /** The host's tools, sessions named "kompose". */
    public PostgresClient(DatabaseSettings settings, Path workingDirectory) {
        this(settings, workingDirectory, null, "kompose");
    }

    /**
     * @param container the service to run the tools in, or null for the host's tools
     * @param applicationName the application_name of every session these commands open
     */
    public PostgresClient(DatabaseSettings settings, Path workingDirectory, ContainerTarget container,
            String applicationName) {
        this.settings = settings;
        this.workingDirectory = workingDirectory;
        this.container = container;
        this.applicationName = applicationName;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** True when the tools run inside the stack's PostgreSQL service. */
    public boolean inContainer() {
        return container != null;
    }

    public ContainerTarget container() {
        return container;
    }

    public String applicationName() {
        return applicationName;
    }

    /** "on localhost:5432" or "in service db": where the tools reach the server, for descriptions. */
    public String placeText() {
        return container == null ? "on " + settings.host() + ":" + settings.port() : "in service " + container.service();
    }

    /** pg_dump of the stack's database in plain SQL format into outputFile. */
    public CommandSpec dump(Path outputFile) {
        return dump(outputFile, DumpFormat.PLAIN);
    }

    /** pg_dump of the stack's database in format into outputFile (pg_dump compresses; in a container it writes to stdout). */
    public CommandSpec dump(Path outputFile, DumpFormat format) {
        return dump(outputFile, format, "");
    }

    /** As {@link #dump(Path, DumpFormat)}, in the snapshot another session exported (none when empty). */
    public CommandSpec dump(Path outputFile, DumpFormat format, String snapshot) {
        List<String> argv = new ArrayList<>(List.of("pg_dump"));
        argv.addAll(connectionArguments(settings.name()));
        argv.addAll(format.dumpArguments());
        if (!snapshot.isEmpty()) {
            argv.add("--snapshot=" + snapshot);
        }
        if (container == null) {
            argv.add("--file=" + outputFile);
            return commandBuilder(argv, Map.of()).build();
        }
        return commandBuilder(argv, Map.of()).standardOutput(outputFile).build();
    }

    /**
     * gzip -dc of a compressed plain dump piped into psql, stopping at the first error; bash's
     * pipefail makes a truncated or corrupt file fail the restore. File and psql arguments reach
     * bash as positional parameters, never as script text. In a container, gzip runs on the host
     * and psql reads the plain SQL through its standard input.
     */
    public CommandSpec restoreCompressed(String database, Path dumpFile) {
        List<String> psql = new ArrayList<>(List.of("psql"));
        psql.addAll(connectionArguments(database));
        psql.addAll(List.of("--no-psqlrc", "--quiet", "--output=/dev/null", "--set=ON_ERROR_STOP=1"));
        List<String> argv = new ArrayList<>(List.of("bash", "-c",
                "set -o pipefail; gzip -dc -- \"$1\" | \"${@:2}\"", "kompose-restore", dumpFile.toString()));
        argv.addAll(wrapped(psql, Map.of()));
        return environmentFor(argv, Map.of()).build();
    }

    /**
     * pg_restore of a custom-format archive into database, stopping at the first error. On the host
     * with jobs parallel workers; in a container it reads the archive from its standard input,
     * which pg_restore can only do with one job (its workers must seek in the file).
     */
    public CommandSpec restoreArchive(String database, Path archive, int jobs) {
        List<String> argv = new ArrayList<>(List.of("pg_restore"));
        argv.addAll(connectionArguments(database));
        argv.add("--exit-on-error");
        if (container == null) {
            if (jobs > 1) {
                argv.add("--jobs=" + jobs);
            }
            argv.add(archive.toString());
            return commandBuilder(argv, Map.of()).build();
        }
        return commandBuilder(argv, Map.of()).standardInput(archive).build();
    }

    /** psql restoring a plain SQL dump into database, stopping at the first error. */
    public CommandSpec restore(String database, Path dumpFile) {
        List<String> argv = new ArrayList<>(List.of("psql"));
        argv.addAll(connectionArguments(database));
        argv.addAll(List.of("--no-psqlrc", "--quiet", "--output=/dev/null", "--set=ON_ERROR_STOP=1"));
        if (container == null) {
            argv.add("--file=" + dumpFile);
            return commandBuilder(argv, Map.of()).build();
        }
        return commandBuilder(argv, Map.of()).standardInput(dumpFile).build();
    }

    /** psql running a script file against database, with psql variables set, stopping at the first error. */
    public CommandSpec script(String database, Path scriptFile, Map<String, String> variables) {
        List<String> argv = new ArrayList<>(List.of("psql"));
        argv.addAll(connectionArguments(database));
        argv.addAll(List.of("--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1"));
        variables.forEach((name, value) -> argv.add("--set=" + name + "=" + value));
        if (container == null) {
            argv.add("--file=" + scriptFile);
            return commandBuilder(argv, Map.of()).build();
        }
        return commandBuilder(argv, Map.of()).standardInput(scriptFile).build();
    }

    /** psql running one fixed, read-only query against database, its unaligned result written to outputFile. */
    public CommandSpec query(String database, String sql, Path outputFile) {
        List<String> argv = new ArrayList<>(List.of("psql"));
        argv.addAll(connectionArguments(database));
        argv.addAll(List.of("--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--set=ON_ERROR_STOP=1"));
        if (container == null) {
            argv.add("--output=" + outputFile);
        }
        argv.add("--command=" + sql);
        // a read-only question must never hold up the real work: give up on a locked table or a slow scan
        Map<String, String> extra = Map.of("PGOPTIONS", "-c lock_timeout=2s -c statement_timeout=60s");
        CommandSpec.Builder builder = commandBuilder(argv, extra);
        return container == null ? builder.build() : builder.standardOutput(outputFile).build();
    }

    /**
     * psql on database reading its statements from standard input (a pipe kompose holds), answers
     * unaligned on standard output: the session that exports the dump's snapshot and counts rows in
     * it. No statement or idle-in-transaction limit: it must outlive pg_dump.
     */
    public CommandSpec session(String database) {
        List<String> argv = new ArrayList<>(List.of("psql"));
        argv.addAll(connectionArguments(database));
        argv.addAll(List.of("--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--set=ON_ERROR_STOP=1"));
        Map<String, String> extra = Map.of("PGOPTIONS", "-c idle_in_transaction_session_timeout=0 -c statement_timeout=0");
        return commandBuilder(argv, extra).build();
    }

    /** A tool's --version (pg_dump, psql, pg_restore) where the tools run; its answer is on standard output. */
    public CommandSpec toolVersion(String tool) {
        return commandBuilder(new ArrayList<>(List.of(tool, "--version")), Map.of()).build();
    }

    /** The server's version number (SHOW server_version_num) on standard output, asked on the maintenance database. */
    public CommandSpec serverVersion() {
        return serverVersion(false);
    }

    /**
     * As {@link #serverVersion()}; with alsoDumpVersion, psql then runs {@code pg_dump --version} next
     * to itself ({@code \!}), so one {@code docker compose exec} answers both questions: line one the
     * server's version number, line two pg_dump's version (missing when the image has no pg_dump).
     */
    public CommandSpec serverVersion(boolean alsoDumpVersion) {
        List<String> argv = new ArrayList<>(List.of("psql"));
        argv.addAll(connectionArguments(MAINTENANCE_DATABASE));
        argv.addAll(List.of("--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--set=ON_ERROR_STOP=1",
                "--command=SHOW server_version_num"));
        if (alsoDumpVersion) {
            argv.add("--command=\\! pg_dump --version");
        }
        return commandBuilder(argv, Map.of()).build();
    }

    /**
     * After a cancel or a failure, in the container: stop every process there that carries this
     * client's application name in its environment (a pg_dump whose local {@code docker compose exec}
     * was killed goes on running inside the container), then end every server session with that
     * application name and wait until none is left (30 s at most). Needs a shell in the image; the
     * session part is plain SQL.
     */
    public CommandSpec endToolSessions() {
        String sql = "DO $kompose$ DECLARE deadline timestamptz := clock_timestamp() + interval '30 seconds'; BEGIN LOOP"
                + " PERFORM pg_stat_clear_snapshot();"
                + " PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                + SqlNames.quoteLiteral(applicationName) + " AND pid <> pg_backend_pid();"
                + " PERFORM pg_stat_clear_snapshot();"
                + " EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = "
                + SqlNames.quoteLiteral(applicationName) + ");"
                + " IF clock_timestamp() > deadline THEN RAISE EXCEPTION 'sessions of % did not end within 30 seconds', "
                + SqlNames.quoteLiteral(applicationName) + "; END IF;"
                + " PERFORM pg_sleep(0.1); END LOOP; END $kompose$;";
        List<String> psql = new ArrayList<>(List.of("psql"));
        psql.addAll(connectionArguments(MAINTENANCE_DATABASE));
        psql.addAll(List.of("--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--command=" + sql));
        if (container == null) {
            return CommandSpec.of(psql).workingDirectory(workingDirectory)
                    .secret("PGPASSWORD", settings.password().isEmpty() ? null : settings.password())
                    .environment("PGCONNECT_TIMEOUT", "10").environment("PGAPPNAME", "kompose-cleanup")
                    .standardInput(Path.of("/dev/null")).ownProcessGroup(true).build();
        }
        List<String> script = new ArrayList<>(List.of("sh", "-c", """
                app="$1"; shift
                for process in /proc/[0-9]*; do
                  if tr '\\0' '\\n' < "$process/environ" 2>/dev/null | grep -qx "PGAPPNAME=$app"; then
                    kill -TERM "${process#/proc/}" 2>/dev/null
                  fi
                done
                exec "$@"
                """, "kompose-end-sessions", applicationName));
        script.addAll(psql);
        List<String> argv = new ArrayList<>(container.execPrefix(passedNames(Map.of())));
        argv.addAll(script);
        return CommandSpec.of(argv).workingDirectory(workingDirectory)
                .environment(container.composeEnvironment())
                .secret("PGPASSWORD", settings.password().isEmpty() ? null : settings.password())
                .environment("PGCONNECT_TIMEOUT", "10").environment("PGAPPNAME", "kompose-cleanup")
                .standardInput(Path.of("/dev/null")).ownProcessGroup(true).build();
    }

    /** A database to connect to while renaming or dropping the given ones: "postgres", else "template1". */
    public static String maintenanceDatabaseAvoiding(java.util.Collection<String> databases) {
        return databases.contains(MAINTENANCE_DATABASE) ? FALLBACK_MAINTENANCE_DATABASE : MAINTENANCE_DATABASE;
    }

    private List<String> connectionArguments(String database) {
        if (container != null) {
            // the container's local socket: no host, no port
            return List.of("--username=" + settings.user(), "--no-password", "--dbname=" + databaseArgument(database));
        }
        return List.of("--host=" + settings.host(), "--port=" + settings.port(), "--username=" + settings.user(),
                "--no-password", "--dbname=" + databaseArgument(database));
    }

    /** The variables every tool gets (PGPASSWORD as a secret, when there is one). */
    private Map<String, String> toolVariables(Map<String, String> extra) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("PGCONNECT_TIMEOUT", "10");
        variables.put("PGAPPNAME", applicationName);
        variables.putAll(extra);
        return variables;
    }

    private List<String> passedNames(Map<String, String> extra) {
        List<String> names = new ArrayList<>();
        if (!settings.password().isEmpty()) {
            names.add("PGPASSWORD");
        }
        names.addAll(toolVariables(extra).keySet());
        return names;
    }

    /** The tool's argv as it is started: itself on the host, behind docker compose exec -T in a container. */
    private List<String> wrapped(List<String> toolArgv, Map<String, String> extra) {
        if (container == null) {
            return toolArgv;
        }
        List<String> argv = new ArrayList<>(container.execPrefix(passedNames(extra)));
        argv.addAll(toolArgv);
        return argv;
    }

    private CommandSpec.Builder commandBuilder(List<String> toolArgv, Map<String, String> extra) {
        return environmentFor(wrapped(toolArgv, extra), extra);
    }

    private CommandSpec.Builder environmentFor(List<String> argv, Map<String, String> extra) {
        CommandSpec.Builder builder = CommandSpec.of(argv).workingDirectory(workingDirectory);
        if (container != null) {
            builder.environment(container.composeEnvironment());
        }
        return builder
                .secret("PGPASSWORD", settings.password().isEmpty() ? null : settings.password())
                .environment(toolVariables(extra))
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
