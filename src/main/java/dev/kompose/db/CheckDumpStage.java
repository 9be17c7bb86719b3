package dev.kompose.db;

import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.nio.file.Path;
import java.util.List;

/** Refuses to go on unless the file is a complete pg_dump (plain, gzip or custom) of the database; dry-run shows the verdict. */
public record CheckDumpStage(Path dumpFile, String database) implements Stage {

    @Override
    public StageKind kind() {
        return StageKind.CHECK;
    }

    @Override
    public String name() {
        return "check-dump";
    }

    @Override
    public String description() {
        return "check that " + dumpFile.getFileName() + " is a complete pg_dump file of " + database
                + " (" + DumpIntegrity.verdict(dumpFile, database) + ")";
    }

    @Override
    public List<String> commandText() {
        return List.of(switch (DumpFormat.fromName(dumpFile.getFileName().toString()).orElse(DumpFormat.PLAIN)) {
            case PLAIN -> "check " + dumpFile.getFileName() + " ends with \"" + DumpFiles.COMPLETE_MARKER + "\"";
            case GZIP -> "gzip -t " + dumpFile.getFileName() + " and check the SQL ends with \"" + DumpFiles.COMPLETE_MARKER + "\"";
            case CUSTOM -> "check every data entry of " + dumpFile.getFileName() + "'s table of contents has its offset set";
        });
    }

    @Override
    public String skipConsequence() {
        return "an incomplete dump would still be refused by the restore (psql stops at the first error)"
                + " and the live database would stay as it is";
    }

    @Override
    public StageResult run(StageContext context) {
        return DumpIntegrity.problem(dumpFile, database)
                .map(StageResult::failed)
                .orElseGet(() -> StageResult.succeeded());
    }
}
