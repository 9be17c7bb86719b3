package dev.kompose.planner;

/**
 * An operation that streams a database through pg_dump, psql or pg_restore (export, import,
 * verify): it holds each stack's lock, its tools are checked before planning, and it shows progress.
 */
public interface DatabaseOperation extends RunOperation {

    @Override
    default boolean locksStacks() {
        return true;
    }

    @Override
    default boolean usesDatabaseTools() {
        return true;
    }

    @Override
    default boolean streamsProgress() {
        return true;
    }
}
