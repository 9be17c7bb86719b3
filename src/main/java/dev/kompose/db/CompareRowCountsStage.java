package dev.kompose.db;

import dev.kompose.exec.ExecutionResult;
import dev.kompose.plan.Artifact;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * db:verify's last proof: every table's rows in the scratch database the dump was restored into,
 * counted as the export counted them, against the manifest; a mismatch is named table by table.
 */
public record CompareRowCountsStage(PostgresClient client, String scratchDatabase, Path dumpFile) implements Stage {

    @Override
    public StageKind kind() {
        return StageKind.CHECK;
    }

    @Override
    public String name() {
        return "compare-rows";
    }

    @Override
    public String description() {
        return "count every table's rows in " + SqlNames.quoteIdentifier(scratchDatabase) + " and compare them with "
                + DumpManifest.pathFor(dumpFile).getFileName();
    }

    @Override
    public List<String> commandText() {
        return List.of(client.session(scratchDatabase).describe() + " (count(*) of every table)");
    }

    @Override
    public String skipConsequence() {
        return "the dump counts as restorable without its rows being compared";
    }

    @Override
    public StageResult run(StageContext context) {
        DumpManifest manifest;
        try {
            manifest = DumpManifest.readFor(dumpFile);
        } catch (IOException noManifest) {
            return StageResult.failed(noManifest.getMessage(), new Artifact.DumpVerified(dumpFile, false));
        }
        Map<String, Long> restored;
        try {
            SnapshotSession session = SnapshotSession.open(context, client, scratchDatabase);
            try {
                session.startCounting();
                session.awaitCounts();
            } catch (IOException countingFailed) {
                session.abort();
                throw countingFailed;
            }
            restored = Map.copyOf(session.rowCounts());
            ExecutionResult end = session.end();
            if (!end.succeeded()) {
                return StageResult.failed("counting rows failed: " + end.explain());
            }
        } catch (IOException cannotCount) {
            return context.cancellation().isCancelled() ? StageResult.cancelled("stopped while counting rows")
                    : StageResult.failed("cannot count rows in " + scratchDatabase + ": " + cannotCount.getMessage());
        }
        List<String> mismatches = mismatches(manifest.tables(), restored);
        if (!mismatches.isEmpty()) {
            mismatches.forEach(line -> context.report("  " + line));
            return StageResult.failed("rows differ from the manifest in " + mismatches.size() + " table"
                    + (mismatches.size() == 1 ? "" : "s") + ": " + String.join("; ", mismatches),
                    new Artifact.DumpVerified(dumpFile, false));
        }
        return StageResult.succeeded("verified " + dumpFile.getFileName() + ": checksum and the rows of "
                + restored.size() + " tables match its manifest", new Artifact.DumpVerified(dumpFile, true));
    }

    /** "public.item: 20000 in the manifest, 19990 restored", one per table that differs or is missing on one side. */
    static List<String> mismatches(Map<String, Long> expected, Map<String, Long> restored) {
        List<String> lines = new ArrayList<>();
        TreeSet<String> tables = new TreeSet<>(expected.keySet());
        tables.addAll(restored.keySet());
        for (String table : tables) {
            Long want = expected.get(table);
            Long got = restored.get(table);
            if (want == null) {
                lines.add(table + ": not in the manifest, " + got + " restored");
            } else if (got == null) {
                lines.add(table + ": " + want + " in the manifest, missing after the restore");
            } else if (!want.equals(got)) {
                lines.add(table + ": " + want + " in the manifest, " + got + " restored");
            }
        }
        return lines;
    }
}
