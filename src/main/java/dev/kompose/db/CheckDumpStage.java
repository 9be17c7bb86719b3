package dev.kompose.db;

import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses to go on unless the file is a complete pg_dump (plain, gzip or custom) of the database.
 * The verdict was reached in the read phase; the stage uses it as long as the file is unchanged
 * (one stat) and judges the file again only when it changed since. Dry-run shows the verdict.
 */
public record CheckDumpStage(Path dumpFile, String database, DumpVerdict verdict) implements Stage {

    @Override
    public StageKind kind() {
        return StageKind.CHECK;
    }

    @Override
    public boolean safeguard() {
        return true;
    }

    @Override
    public String name() {
        return "check-dump";
    }

    @Override
    public String description() {
        return "check that " + dumpFile.getFileName() + " is a complete pg_dump file of " + database
                + " (" + verdict.describe() + ")";
    }

    @Override
    public List<String> commandText() {
        return List.of(checkText(dumpFile, dumpFile.getFileName().toString()));
    }

    /** What the completeness check of file does, naming the file as shownAs. */
    static String checkText(Path file, String shownAs) {
        return switch (DumpFormat.fromName(file.getFileName().toString()).orElse(DumpFormat.PLAIN)) {
            case PLAIN -> "check " + shownAs + " ends with \"" + DumpFiles.COMPLETE_MARKER + "\"";
            case GZIP -> "gzip -t " + shownAs + " and check the SQL ends with \"" + DumpFiles.COMPLETE_MARKER + "\"";
            case CUSTOM -> "check every data entry of " + shownAs + "'s table of contents has its offset set";
        };
    }

    @Override
    public String skipConsequence() {
        return "an incomplete dump would still be refused by the restore (psql stops at the first error)"
                + " and the live database would stay as it is";
    }

    @Override
    public StageResult run(StageContext context) {
        DumpVerdict current = verdict.stillHolds(dumpFile) ? verdict : DumpVerdict.judge(dumpFile, database);
        return current.integrityProblem().map(StageResult::failed).orElseGet(StageResult::succeeded);
    }
}
