package dev.kompose.planner;

import dev.kompose.db.DumpCatalog;

/**
 * A database operation that restores one dump (import, verify): the file the operator named, else
 * the newest complete dump, which the read phase then judges newest first until it finds one.
 */
public interface RestoreOperation extends DatabaseOperation {

    /** The dump named on the command line, or null for the newest complete one. */
    String file();

    @Override
    default DumpCatalog.Reading dumpReading() {
        return file() == null ? DumpCatalog.Reading.NEWEST_COMPLETE : DumpCatalog.Reading.NONE;
    }

    @Override
    default String requestedDump() {
        return file();
    }
}
