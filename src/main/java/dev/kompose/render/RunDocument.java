package dev.kompose.render;

import dev.kompose.engine.RunListener;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.SecretMasker;
import dev.kompose.engine.StackReport;
import dev.kompose.json.JsonText;
import dev.kompose.plan.Artifact;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * With {@code -o json}, the run's one document on standard output when it ends (described in
 * docs/json.md): {@code kompose.run/1} for a run — per stack its outcome, each stage with its
 * outcome and duration, the files written, read and deleted and the databases replaced, taken
 * from the stages' typed artifacts — or {@code kompose.plan/1} for a dry run: per stack each
 * planned stage's kind, name, description and masked command. Written at the end of every run,
 * also when a stack failed or the run was cancelled; every text goes through the stack's masker.
 */
public final class RunDocument implements RunListener {
    private final PrintWriter out;
    private final boolean dryRun;
    private final Clock clock;
    private final Map<String, StackRecord> stacks = new HashMap<>();
    private Plan plan;

    public RunDocument(PrintWriter out, boolean dryRun, Clock clock) {
        this.out = out;
        this.dryRun = dryRun;
        this.clock = clock;
    }

    @Override
    public synchronized void runStarted(Plan started) {
        plan = started;
    }

    @Override
    public synchronized void stackStarted(StackPlan stack) {
        stacks.put(stack.stackName(), new StackRecord(new SecretMasker(stack.secretValues()), clock.instant().toString()));
    }

    @Override
    public synchronized void stageStarted(StackPlan stack, Stage stage, int number, int total) {
        StackRecord record = stacks.get(stack.stackName());
        if (record != null) {
            record.stageNumber = number;
            record.stageStart = System.nanoTime();
        }
    }

    @Override
    public synchronized void stageSkipped(StackPlan stack, Stage stage, int number, int total) {
        StackRecord record = stacks.get(stack.stackName());
        if (record != null) {
            record.stages.add(stage(record, stage, number, "skipped", Duration.ZERO, "skipped by the operator"));
        }
    }

    @Override
    public synchronized void stageFinished(StackPlan stack, Stage stage, StageResult result) {
        StackRecord record = stacks.get(stack.stackName());
        if (record == null) {
            return;
        }
        record.stages.add(stage(record, stage, record.stageNumber, result.status().name().toLowerCase(Locale.ROOT),
                Duration.ofNanos(System.nanoTime() - record.stageStart), result.message()));
        for (Artifact artifact : result.artifacts()) {
            if (artifact instanceof Artifact.DumpWritten written) {
                record.filesWritten.add(Map.of("path", written.file().toString(), "bytes", written.bytes()));
            } else if (artifact instanceof Artifact.DumpRead read) {
                record.dumpsRead.add(read.file().toString());
            } else if (artifact instanceof Artifact.FileDeleted deleted) {
                record.filesDeleted.add(deleted.file().toString());
            } else if (artifact instanceof Artifact.DatabaseReplaced replaced) {
                Map<String, Object> database = new LinkedHashMap<>();
                database.put("database", replaced.database());
                database.put("previousKeptAs", replaced.previousKeptAs().isEmpty() ? null : replaced.previousKeptAs());
                record.databasesReplaced.add(database);
            }
        }
    }

    @Override
    public synchronized void runFinished(RunReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema", dryRun ? "kompose.plan/1" : "kompose.run/1");
        document.put("command", plan == null ? "" : new SecretMasker(plan.stacks().stream()
                .flatMap(stack -> stack.secretValues().stream()).toList()).mask(plan.command()));
        document.put("exit", report.exitCode());
        document.put("cancelled", report.cancelled() ? report.cancelledBy() : null);
        document.put("succeeded", report.succeeded());
        document.put("failed", report.failed());
        Map<String, StackPlan> plans = new HashMap<>();
        if (plan != null) {
            plan.stacks().forEach(stack -> plans.put(stack.stackName(), stack));
        }
        List<Object> rows = new ArrayList<>();
        for (StackReport stack : report.stacks()) {
            rows.add(dryRun ? PlanDocuments.planned(plans.get(stack.stackName()), stack) : finished(stack, plans.get(stack.stackName())));
        }
        document.put("stacks", rows);
        out.println(JsonText.line(document));
        out.flush();
    }

    private Map<String, Object> finished(StackReport report, StackPlan plan) {
        StackRecord record = stacks.getOrDefault(report.stackName(),
                new StackRecord(new SecretMasker(plan == null ? List.of() : plan.secretValues()), null));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stack", report.stackName());
        row.put("folder", plan == null ? null : plan.folder().toString());
        row.put("outcome", report.outcome().name().toLowerCase(Locale.ROOT));
        row.put("message", record.masker.mask(report.message()));
        row.put("started", record.started);
        row.put("seconds", seconds(report.elapsed()));
        row.put("stages", record.stages);
        row.put("filesWritten", record.filesWritten);
        row.put("dumpsRead", record.dumpsRead);
        row.put("filesDeleted", record.filesDeleted);
        row.put("databasesReplaced", record.databasesReplaced);
        return row;
    }

    private static Map<String, Object> stage(StackRecord record, Stage stage, int number, String outcome, Duration took,
            String message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("number", number);
        entry.put("cleanup", number == 0);
        entry.put("kind", stage.kind().label());
        entry.put("name", stage.name());
        entry.put("description", record.masker.mask(stage.description()));
        entry.put("outcome", outcome);
        entry.put("seconds", seconds(took));
        entry.put("message", record.masker.mask(message));
        return entry;
    }

    static double seconds(Duration duration) {
        return duration == null ? 0 : Math.round(duration.toMillis() / 10.0) / 100.0;
    }

    /** What is known of one stack that started. */
    private static final class StackRecord {
        final SecretMasker masker;
        final String started;
        int stageNumber;
        long stageStart = System.nanoTime();
        final List<Object> stages = new ArrayList<>();
        final List<Object> filesWritten = new ArrayList<>();
        final List<Object> dumpsRead = new ArrayList<>();
        final List<Object> filesDeleted = new ArrayList<>();
        final List<Object> databasesReplaced = new ArrayList<>();

        StackRecord(SecretMasker masker, String started) {
            this.masker = masker;
            this.started = started;
        }
    }
}
