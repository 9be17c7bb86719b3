package dev.kompose.plan;

/**
 * What the operator asked for, as a value: which verb, with which options. Each verb of kompose
 * is one type implementing this; plans carry it so that listeners (printer, panel, journal,
 * locks) read the verb's policies instead of parsing command text.
 */
public interface Operation {

    /** The verb as typed: {@code db:export}, {@code up}. */
    String verb();

    /** The whole command as the operator would type it after the pattern, options included ("db:export --format gzip"). */
    String text();

    /** True when the operation holds each stack's lock while it runs (it writes dumps or replaces a database). */
    default boolean locksStacks() {
        return false;
    }

    /** With {@link #locksStacks()}: wait for another kompose's lock instead of failing at once. */
    default boolean waitsForLock() {
        return false;
    }

    /** True when the operation streams bytes worth a progress display (a dump or a restore). */
    default boolean streamsProgress() {
        return false;
    }
}
