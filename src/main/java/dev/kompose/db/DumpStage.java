package dev.kompose.db;

import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageContext;
import dev.kompose.plan.StageKind;
import dev.kompose.plan.StageResult;
import dev.kompose.plan.Artifact;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * pg_dump of the stack's database into a temporary file next to where the dump will live, in
 * the chosen format. Progress is the file's size, sampled: against the size the snapshot session
 * estimates as pg_dump starts ({@link DumpSizeEstimate}) for a plain dump; a compressed one (gzip,
 * custom) shows bytes and rate without a percentage, since
 * how well the data compresses is not known in advance (and pg_dump's reads from its connection
 * do not show in /proc/PID/io, which counts read(), not recv()). pg_dump runs in the snapshot a
 * {@link SnapshotSession} exported and counted every table's rows in; that session stays open
 * until pg_dump ended, and the counts go on as an {@link Artifact.DumpTaken} for the manifest.
 */
public record DumpStage(PostgresClient client, Path temporaryFile, DumpFormat format) implements Stage {

    public DumpStage(PostgresClient client, Path temporaryFile) {
        this(client, temporaryFile, DumpFormat.PLAIN);
    }

    public CommandSpec command() {
        return client.dump(temporaryFile, format, "<snapshot>");
    }

    @Override
    public StageKind kind() {
        return StageKind.DUMP;
    }

    @Override
    public String name() {
        return "pg_dump";
    }

    @Override
    public String description() {
        return "dump database " + SqlNames.quoteIdentifier(client.settings().name())
                + (format == DumpFormat.PLAIN ? "" : " (" + format.label() + " format)") + " "
                + client.placeText() + " into the temporary file " + temporaryFile.getFileName()
                + (client.inContainer() ? " on this host (streamed through standard output)" : "");
    }

    @Override
    public List<String> commandText() {
        return List.of(client.session(client.settings().name()).describe() + " (held open while pg_dump runs: BEGIN ISOLATION"
                        + " LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot(); then, beside pg_dump,"
                        + (format == DumpFormat.PLAIN ? " the dump's size estimated from a sample of each table's rows"
                                + " (for the progress display) and" : "")
                        + " count(*) of every table)",
                command().describe(), "COMMIT (ends the session holding the snapshot)");
    }

    @Override
    public String skipConsequence() {
        return "no dump is written: the next stage finds no file to publish and the stack fails";
    }

    /**
     * The file is written front to back and never rewritten: a plain or gzip dump, and a custom archive
     * streamed through standard output from the container (pg_dump cannot seek back in a pipe).
     */
    private boolean writtenInOrder() {
        return format != DumpFormat.CUSTOM || client.inContainer();
    }

    @Override
    public StageResult run(StageContext context) {
        context.state().temporaryDumpFile(temporaryFile);
        Instant started = Instant.now();
        SnapshotSession session;
        try {
            session = SnapshotSession.open(context, client, client.settings().name());
        } catch (IOException noSnapshot) {
            return context.cancellation().isCancelled() ? StageResult.cancelled("stopped while counting rows")
                    : StageResult.failed("could not export a snapshot and count its rows: " + noSnapshot.getMessage());
        }
        ExecutionResult result = null;
        ExecutionResult sessionEnd;
        String countProblem = "";
        AtomicLong estimate = new AtomicLong(-1);
        Optional<FollowingDigest.Result> hashed = Optional.empty();
        long dumped = -1;
        try (ProgressSampler sampler = new ProgressSampler(context, () -> DumpFiles.sizeOf(temporaryFile), -1,
                format != DumpFormat.PLAIN);
                FollowingDigest digest = writtenInOrder() ? FollowingDigest.start(temporaryFile) : FollowingDigest.none()) {
            if (format == DumpFormat.PLAIN) {
                session.startEstimatingAndCounting(bytes -> {
                    estimate.set(bytes);
                    sampler.expect(bytes);
                });
            } else {
                session.startCounting();
            }
            result = context.execute(client.dump(temporaryFile, format, session.snapshot()));
            if (result.succeeded()) {
                dumped = DumpFiles.sizeOf(temporaryFile);
                sampler.finish(dumped);
                hashed = digest.finish();
                session.awaitCounts();
            }
        } catch (IOException countingFailed) {
            countProblem = countingFailed.getMessage();
            result = null;
        } finally {
            sessionEnd = result != null && result.succeeded() ? session.end() : session.abort();
        }
        if (result == null) {
            return context.cancellation().isCancelled() ? StageResult.cancelled("stopped while counting rows")
                    : StageResult.failed("counting the rows of the dump's snapshot failed: " + countProblem
                            + (sessionEnd.succeeded() ? "" : " (psql " + sessionEnd.explain() + ")"));
        }
        if (result.cancelled()) {
            return StageResult.cancelled("pg_dump was stopped");
        }
        if (!result.succeeded()) {
            return StageResult.failed("pg_dump failed: " + result.explain());
        }
        if (!sessionEnd.succeeded()) {
            return StageResult.failed("the session holding the dump's snapshot failed: " + sessionEnd.explain());
        }
        Artifact.DumpTaken taken = new Artifact.DumpTaken(temporaryFile, session.serverVersion(), session.rowCounts(),
                started, Instant.now(), hashed.map(FollowingDigest.Result::sha256).orElse(""),
                hashed.map(FollowingDigest.Result::bytes).orElse(-1L));
        context.state().dumpTaken(taken);
        return StageResult.succeeded(estimate.get() < 0 ? "" : "estimated dump size: " + ByteCounts.format(estimate.get())
                + ", dumped " + ByteCounts.format(dumped), taken);
    }

}
