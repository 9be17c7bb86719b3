package dev.kompose.db;

import dev.kompose.plan.Artifact;
import dev.kompose.plan.Stage;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The database stages of a safe import and its roll-back, sharing one set of database names. */
public final class ImportStages {
    private final PostgresClient client;
    private final Path dumpFile;
    private final long dumpSize;
    private final boolean keepPrevious;
    private final String live;
    private final String restore;
    private final String previous;
    private final String timestamp;
    private final String maintenanceDatabase;
    private final DumpFormat format;
    private final int jobs;

    /**
     * @param format the dump's format, as the read phase found it
     * @param jobs pg_restore workers for a custom archive
     */
    public ImportStages(PostgresClient client, Path dumpFile, long dumpSize, DumpFormat format, boolean keepPrevious,
            LocalDateTime now, int jobs) {
        this(client, dumpFile, dumpSize, format, keepPrevious, now, jobs,
                SqlNames.restoreDatabase(client.settings().name()));
    }

    /** The stages db:verify borrows: the same create and restore, into its own scratch database. */
    public static ImportStages forVerify(PostgresClient client, Path dumpFile, long dumpSize, DumpFormat format,
            LocalDateTime now, int jobs) {
        return new ImportStages(client, dumpFile, dumpSize, format, false, now, jobs,
                SqlNames.verifyDatabase(client.settings().name()));
    }

    private ImportStages(PostgresClient client, Path dumpFile, long dumpSize, DumpFormat format, boolean keepPrevious,
            LocalDateTime now, int jobs, String restoreDatabase) {
        this.client = client;
        this.dumpFile = dumpFile;
        this.dumpSize = dumpSize;
        this.format = format;
        this.jobs = Math.max(1, jobs);
        this.keepPrevious = keepPrevious;
        this.live = client.settings().name();
        this.restore = restoreDatabase;
        this.previous = SqlNames.previousDatabase(live);
        this.timestamp = DumpFiles.timestamp(now);
        this.maintenanceDatabase = PostgresClient.maintenanceDatabaseAvoiding(
                List.of(live, restore, previous, SqlNames.keptDatabase(live, timestamp)));
    }

    /** The database the dump is restored into. */
    public String restoreDatabase() {
        return restore;
    }

    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>(createAndRestore());
        stages.addAll(swapAndAfter());
        return stages;
    }

    /** An empty database like the live one, and the dump restored into it; the live database is not touched. */
    public List<Stage> createAndRestore() {
        List<Stage> stages = new ArrayList<>();
        stages.add(sql("create-database", "create the empty database " + SqlNames.quoteIdentifier(restore)
                        + " with the live database's owner, encoding and locale (a leftover one is dropped first)",
                ImportScripts.CREATE_RESTORE_DATABASE, variables("restore_database", restore, "live_database", live),
                false, "the restore finds no database to restore into and the stack fails; the live database stays", null));
        stages.add(new RestoreStage(client, restore, dumpFile, dumpSize, format, jobs));
        return stages;
    }

    private List<Stage> swapAndAfter() {
        List<Stage> stages = new ArrayList<>();
        stages.add(sql("swap", "close " + SqlNames.quoteIdentifier(live) + " to new sessions, end its sessions, then in one"
                        + " transaction rename it to " + SqlNames.quoteIdentifier(previous) + " and the restored database to "
                        + SqlNames.quoteIdentifier(live),
                ImportScripts.SWAP, variables("restore_database", restore, "live_database", live,
                        "previous_database", previous, "stale_previous_database", SqlNames.keptDatabase(live, timestamp + "_stale")),
                true, "the live database stays as it was; the restored copy is dropped by the clean-up",
                new Artifact.DatabaseReplaced(live, keepPrevious ? SqlNames.keptDatabase(live, timestamp) : "")));
        if (keepPrevious) {
            String kept = SqlNames.keptDatabase(live, timestamp);
            stages.add(sql("keep-previous", "keep the previous database as " + SqlNames.quoteIdentifier(kept),
                    ImportScripts.KEEP_PREVIOUS, variables("previous_database", previous, "kept_database", kept),
                    false, "the previous database stays as " + SqlNames.quoteIdentifier(previous)
                            + "; the next import keeps it under a dated name", null));
        } else {
            stages.add(sql("drop-previous", "drop the previous database (now " + SqlNames.quoteIdentifier(previous) + ")",
                    ImportScripts.DROP_PREVIOUS, variables("previous_database", previous),
                    true, "the previous database stays as " + SqlNames.quoteIdentifier(previous)
                            + "; the next import keeps it under a dated name", null));
        }
        return stages;
    }

    /** After a failure or cancel: drop the half-restored database and open the live one to sessions again. */
    public Stage rollBack() {
        return sql("roll-back", "drop " + SqlNames.quoteIdentifier(restore) + " if it is still there and make sure "
                        + SqlNames.quoteIdentifier(live) + " accepts sessions",
                ImportScripts.ROLL_BACK, variables("restore_database", restore, "live_database", live), false, "", null);
    }

    /** Drops the database the dump was restored into (its sessions ended first); for db:verify, done or not. */
    public Stage dropRestored(String name) {
        return sql(name, "drop " + SqlNames.quoteIdentifier(restore) + " if it is there",
                ImportScripts.DROP_SCRATCH, variables("restore_database", restore), false,
                "the scratch database stays until the next db:verify replaces it", null);
    }

    private Stage sql(String name, String description, String script, Map<String, String> variables,
            boolean destructive, String skipConsequence, Artifact producedOnSuccess) {
        return new SqlScriptStage(name, description, script, variables, client, maintenanceDatabase, destructive,
                skipConsequence, producedOnSuccess == null ? List.of() : List.of(producedOnSuccess));
    }

    private static Map<String, String> variables(String... namesAndValues) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            variables.put(namesAndValues[index], namesAndValues[index + 1]);
        }
        return variables;
    }
}
