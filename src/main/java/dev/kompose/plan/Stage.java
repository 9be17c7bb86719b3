package dev.kompose.plan;

import java.util.List;
import java.util.OptionalLong;

/**
 * One step of an operation on one stack. A stage describes itself (secrets masked) so that
 * dry-run, step-through and progress all show exactly what runs, and knows how to run itself
 * through the {@link StageContext}, the only way it reaches processes and the listener.
 */
public interface Stage {

    StageKind kind();

    /** A short name: the hook function, the tool, the SQL action ("pre_db_export", "pg_dump", "swap"). */
    String name();

    /** What the stage does, as a sentence for an operator. */
    String description();

    /** The exact commands or SQL the stage runs, one item per line, secrets masked. */
    List<String> commandText();

    /** True when the stage replaces a database or deletes files. */
    default boolean destructive() {
        return false;
    }

    /**
     * True for kompose's own safety machinery: a stage that guards the operation (the stack lock, the
     * free-space check, the size estimate, the completeness check of a dump) and changes nothing the
     * operator asked for. Step-through confirms such a stage in one short line and shows its command on
     * request. The stage class declares it; a hook or a destructive stage is never shown briefly.
     */
    default boolean safeguard() {
        return false;
    }

    /** What happens to the later stages when this one is skipped, or empty when nothing depends on it. */
    default String skipConsequence() {
        return "";
    }

    /** Bytes the stage expects to stream, when it streams and the size can be known before it runs. */
    default OptionalLong expectedBytes() {
        return OptionalLong.empty();
    }

    /** Runs the stage. Never throws for an expected failure; returns it. */
    StageResult run(StageContext context) throws InterruptedException;
}
