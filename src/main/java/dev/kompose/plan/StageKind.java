package dev.kompose.plan;

/** What sort of work a stage does; shown in dry-run and step prompts. */
public enum StageKind {
    HOOK("hook"),
    COMPOSE("compose"),
    SQL("sql"),
    DUMP("dump"),
    RESTORE("restore"),
    FILE("file"),
    CHECK("check");

    private final String label;

    StageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
