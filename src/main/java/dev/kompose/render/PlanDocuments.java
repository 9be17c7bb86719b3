package dev.kompose.render;

import dev.kompose.engine.SecretMasker;
import dev.kompose.engine.StackReport;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One stack of a {@code kompose.plan/1} document: what a dry run would do, secrets masked. */
final class PlanDocuments {
    private PlanDocuments() {
    }

    /** The stack's planned stages and clean-up stages, and how its dry run ended. */
    static Map<String, Object> planned(StackPlan plan, StackReport report) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stack", report.stackName());
        if (plan == null) {
            row.put("folder", null);
            row.put("outcome", report.outcome().name().toLowerCase(Locale.ROOT));
            row.put("message", report.message());
            row.put("skipped", null);
            row.put("problems", List.of());
            row.put("stages", List.of());
            row.put("cleanupStages", List.of());
            return row;
        }
        SecretMasker masker = new SecretMasker(plan.secretValues());
        row.put("folder", plan.folder().toString());
        row.put("outcome", report.outcome().name().toLowerCase(Locale.ROOT));
        row.put("message", masker.mask(report.message()));
        row.put("skipped", plan.isSkipped() ? masker.mask(plan.skipReason()) : null);
        row.put("problems", plan.problems().stream().map(masker::mask).toList());
        row.put("stages", stages(plan.stages(), masker));
        row.put("cleanupStages", stages(plan.cleanupStages(), masker));
        return row;
    }

    private static List<Object> stages(List<Stage> stages, SecretMasker masker) {
        List<Object> rows = new ArrayList<>();
        int number = 0;
        for (Stage stage : stages) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", ++number);
            row.put("kind", stage.kind().label());
            row.put("name", stage.name());
            row.put("description", masker.mask(stage.description()));
            row.put("command", stage.commandText().stream().map(masker::mask).toList());
            row.put("destructive", stage.destructive());
            rows.add(row);
        }
        return rows;
    }
}
