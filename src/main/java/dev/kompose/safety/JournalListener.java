package dev.kompose.safety;

import dev.kompose.engine.RunListener;
import dev.kompose.engine.SecretMasker;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.StackOutcome;
import dev.kompose.engine.StackReport;
import dev.kompose.exec.Cancellation;
import dev.kompose.plan.Artifact;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one journal line per stack when the stack has finished (its clean-up included): who ran
 * what, each stage with its outcome and duration, the dump files written, read or deleted, and
 * the stack's exit status. Every text goes through the stack's secret masker. A journal that
 * cannot be written gives one warning and never stops the operation.
 */
public final class JournalListener implements RunListener {
    private final Journal journal;
    private final Clock clock;
    private final Cancellation cancellation;
    private final PrintWriter warnings;
    private final Map<String, StackRecord> running = new HashMap<>();
    private String command = "";
    private boolean warned;

    public JournalListener(Journal journal, Clock clock, Cancellation cancellation, PrintWriter warnings) {
        this.journal = journal;
        this.clock = clock;
        this.cancellation = cancellation;
        this.warnings = warnings;
    }

    @Override
    public synchronized void runStarted(Plan plan) {
        command = plan.command();
    }

    @Override
    public synchronized void stackStarted(StackPlan stack) {
        running.put(stack.stackName(), new StackRecord(new SecretMasker(stack.secretValues()), clock.instant(), System.nanoTime()));
    }

    @Override
    public synchronized void stageStarted(StackPlan stack, Stage stage, int number, int total) {
        StackRecord record = running.get(stack.stackName());
        if (record != null) {
            record.stageStart = System.nanoTime();
            record.inCleanup = number == 0;
        }
    }

    @Override
    public synchronized void stageSkipped(StackPlan stack, Stage stage, int number, int total) {
        StackRecord record = running.get(stack.stackName());
        if (record != null) {
            record.stages.add(stage(stage, "skipped by the operator", Duration.ZERO, "", false, record.masker));
        }
    }

    @Override
    public synchronized void stageFinished(StackPlan stack, Stage stage, StageResult result) {
        StackRecord record = running.get(stack.stackName());
        if (record == null) {
            return;
        }
        boolean cleanup = record.inCleanup;
        Duration took = Duration.ofNanos(System.nanoTime() - record.stageStart);
        record.stages.add(stage(stage, result.status().name().toLowerCase(Locale.ROOT), took, result.message(), cleanup,
                record.masker));
        for (Artifact artifact : result.artifacts()) {
            if (artifact instanceof Artifact.DumpWritten written) {
                record.dumpsWritten.add(written.file().toString());
            } else if (artifact instanceof Artifact.DumpRead read) {
                record.dumpsRead.add(read.file().toString());
            } else if (artifact instanceof Artifact.FileDeleted deleted) {
                record.filesDeleted.add(deleted.file().toString());
            } else if (artifact instanceof Artifact.DatabaseReplaced replaced) {
                record.databasesReplaced.add(replaced.database());
            } else if (artifact instanceof Artifact.DumpVerified verified) {
                Map<String, Object> proof = new LinkedHashMap<>();
                proof.put("file", verified.file().toString());
                proof.put("ok", verified.ok());
                record.dumpsVerified.add(proof);
            }
        }
    }

    @Override
    public synchronized void stackFinished(StackPlan stack, StackReport report) {
        StackRecord record = running.remove(stack.stackName());
        if (record != null) {
            write(stack.stackName(), report, record);
        }
    }

    /** Stacks a cancel or a quit kept from starting get a line too. */
    @Override
    public synchronized void runFinished(RunReport report) {
        for (StackReport stack : report.stacks()) {
            if (stack.outcome() == StackOutcome.NOT_RUN) {
                write(stack.stackName(), stack, new StackRecord(new SecretMasker(List.of()), clock.instant(), System.nanoTime()));
            }
        }
    }

    private void write(String stackName, StackReport report, StackRecord record) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", record.started.toString());
        entry.put("user", System.getProperty("user.name", "unknown"));
        entry.put("host", LockOwner.hostName());
        entry.put("pid", ProcessHandle.current().pid());
        entry.put("command", record.masker.mask(command));
        entry.put("stack", stackName);
        entry.put("outcome", report.outcome().name().toLowerCase(Locale.ROOT));
        entry.put("exit", exitStatus(report));
        entry.put("seconds", seconds(Duration.ofNanos(System.nanoTime() - record.startNanos)));
        entry.put("message", record.masker.mask(report.message()));
        entry.put("stages", record.stages);
        entry.put("dumpsWritten", record.dumpsWritten);
        entry.put("dumpsRead", record.dumpsRead);
        entry.put("filesDeleted", record.filesDeleted);
        entry.put("databasesReplaced", record.databasesReplaced);
        if (!record.dumpsVerified.isEmpty()) {
            entry.put("dumpsVerified", record.dumpsVerified);
        }
        try {
            journal.append(entry);
        } catch (IOException | RuntimeException unwritable) {
            if (!warned) {
                warned = true;
                warnings.println("[WARN] cannot write the journal " + journal.file() + " ("
                        + unwritable.getClass().getSimpleName() + "); the operation goes on without it");
                warnings.flush();
            }
        }
    }

    private int exitStatus(StackReport report) {
        return switch (report.outcome()) {
            case SUCCEEDED, SKIPPED -> 0;
            case FAILED -> 1;
            case CANCELLED, NOT_RUN -> cancellation.isCancelled() ? cancellation.exitCode() : 130;
        };
    }

    private static Map<String, Object> stage(Stage stage, String outcome, Duration took, String message, boolean cleanup,
            SecretMasker masker) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("stage", stage.name());
        entry.put("kind", stage.kind().label());
        entry.put("outcome", outcome);
        entry.put("seconds", seconds(took));
        if (cleanup) {
            entry.put("cleanup", true);
        }
        if (!message.isEmpty()) {
            entry.put("message", masker.mask(message));
        }
        return entry;
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 10.0) / 100.0;
    }

    /** What is known of one running stack. */
    private static final class StackRecord {
        final SecretMasker masker;
        final Instant started;
        final long startNanos;
        long stageStart = System.nanoTime();
        boolean inCleanup;
        final List<Object> stages = new ArrayList<>();
        final List<Object> dumpsWritten = new ArrayList<>();
        final List<Object> dumpsRead = new ArrayList<>();
        final List<Object> dumpsVerified = new ArrayList<>();
        final List<Object> filesDeleted = new ArrayList<>();
        final List<Object> databasesReplaced = new ArrayList<>();

        StackRecord(SecretMasker masker, Instant started, long startNanos) {
            this.masker = masker;
            this.started = started;
            this.startNanos = startNanos;
        }
    }
}
