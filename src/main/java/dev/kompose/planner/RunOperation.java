package dev.kompose.planner;

import dev.kompose.db.DumpCatalog;
import dev.kompose.plan.Operation;
import dev.kompose.plan.StackPlan;
import dev.kompose.read.StackSnapshot;

/**
 * An operation that is planned per stack and then run: the verb's own pure planning function,
 * and what it needs read before planning.
 */
public interface RunOperation extends Operation {

    /** How much of each stack's dumps must be read (and judged) before planning. */
    default DumpCatalog.Reading dumpReading() {
        return DumpCatalog.Reading.NONE;
    }

    /** The dump file named on the command line, or null. */
    default String requestedDump() {
        return null;
    }

    /** True when planning needs to know which compose program to run (v2 plugin or v1). */
    default boolean usesCompose() {
        return false;
    }

    /**
     * True when the run's children talk to the stacks' Docker engines (compose commands; the
     * database tools once they run in the stack's container): each pinned engine is then asked
     * once before the run, and an engine that does not answer fails its own stacks.
     */
    default boolean reachesEngine() {
        return usesCompose() || usesDatabaseTools();
    }

    /**
     * True when it runs pg_dump / psql / pg_restore: then, before planning a real run, each stack's
     * tools are checked (present, the service running, the role there, the client not older than the
     * server) and the checked place is carried in the snapshot.
     */
    default boolean usesDatabaseTools() {
        return false;
    }

    /**
     * True when planning needs the run's start as local time (dump names, the dated names of kept
     * databases): reading it makes a cold JVM load the time-zone rules, ~13 ms, which a listing or a
     * compose command should not pay. The database operations need it.
     */
    default boolean usesStartTime() {
        return usesDatabaseTools();
    }

    /** Pure: what to do on one stack, from what was read of it. */
    StackPlan plan(StackSnapshot stack, PlanningContext context);
}
