package dev.kompose.db;

import dev.kompose.exec.ExecutionResult;
import dev.kompose.exec.HeldProcess;
import dev.kompose.exec.OutputStreamName;
import dev.kompose.exec.ProcessObserver;
import dev.kompose.json.JsonText;
import dev.kompose.plan.StageContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * One psql session, fed through a pipe kompose holds: it opens a REPEATABLE READ transaction,
 * exports its snapshot and tells the server's version; then, while pg_dump --snapshot runs beside
 * it, estimates the dump's size in that snapshot ({@link DumpSizeEstimate}, for the progress
 * display: it arrives a few milliseconds after pg_dump starts, and a failure only means no
 * percentage) and counts every table's rows in it; it stays open (so the snapshot lives) until
 * {@link #close()} commits and ends it.
 * pg_dump --snapshot reads exactly the data the counts describe, however the application writes
 * meanwhile. Its answers are tagged lines on standard output; a table's name travels inside JSON.
 */
public final class SnapshotSession implements AutoCloseable {
    static final String OPEN = """
            BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
            SELECT 'kompose-snapshot ' || pg_export_snapshot();
            SELECT 'kompose-server ' || current_setting('server_version');
            SELECT 'kompose-exported';
            """;
    static final String COUNT = """
            SELECT format('SELECT %L || json_build_object(''table'', %L, ''rows'', count(*))::text FROM %I.%I',
                          'kompose-rows ', n.nspname || '.' || c.relname, n.nspname, c.relname)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
             ORDER BY n.nspname, c.relname
            \\gexec
            SELECT 'kompose-counted';
            """;
    /**
     * Inside a savepoint with ON_ERROR_STOP off, so that an estimate that fails (a table it may not
     * read, a table locked for longer than its lock_timeout of 2 s, more than a minute) leaves the
     * transaction and the counts intact, which then wait for locks as long as pg_dump does; psql's
     * \if needs psql 10.
     */
    static final String ESTIMATE = """
            \\set ON_ERROR_STOP 0
            SAVEPOINT kompose_estimate;
            SET LOCAL lock_timeout = '2s';
            SET LOCAL statement_timeout = '60s';
            SELECT 'kompose-estimate ' || (
            """ + DumpSizeEstimate.QUERY + """
            );
            \\if :ERROR
            ROLLBACK TO SAVEPOINT kompose_estimate;
            \\else
            RELEASE SAVEPOINT kompose_estimate;
            \\endif
            SET LOCAL lock_timeout TO DEFAULT;
            SET LOCAL statement_timeout TO DEFAULT;
            \\set ON_ERROR_STOP 1
            """;
    private static final String ESTIMATED = "kompose-estimate ";
    private static final String EXPORTED = "kompose-exported";
    private static final String COUNTED = "kompose-counted";

    private final HeldProcess psql;
    private final BlockingQueue<String> answers;
    private final StageContext context;
    private String snapshot = "";
    private String serverVersion = "";
    private final Map<String, Long> rowCounts = new LinkedHashMap<>();
    /** Where the estimate goes when it arrives (read on psql's output thread). */
    private final AtomicReference<LongConsumer> estimated;

    private SnapshotSession(HeldProcess psql, BlockingQueue<String> answers, AtomicReference<LongConsumer> estimated,
            StageContext context) {
        this.psql = psql;
        this.answers = answers;
        this.estimated = estimated;
        this.context = context;
    }

    /**
     * Starts the session on database and waits for its exported snapshot (not for the counts: see
     * {@link #startCounting()}).
     *
     * @throws IOException when psql ended, failed or was cancelled before it answered (the session is closed)
     */
    public static SnapshotSession open(StageContext context, PostgresClient client, String database) throws IOException {
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        AtomicReference<LongConsumer> estimated = new AtomicReference<>(estimate -> { });
        HeldProcess psql = context.start(client.session(database), new ProcessObserver() {
            @Override
            public void line(OutputStreamName stream, String line) {
                if (stream != OutputStreamName.STDOUT) {
                    return;
                }
                if (line.startsWith(ESTIMATED)) {
                    // handed on as it arrives, while pg_dump runs: the counts are read only after it
                    long estimate = DumpSizeEstimate.parse(line.substring(ESTIMATED.length()));
                    if (estimate >= 0) {
                        estimated.get().accept(estimate);
                    }
                } else {
                    answers.add(line);
                }
            }
        });
        SnapshotSession session = new SnapshotSession(psql, answers, estimated, context);
        try {
            psql.write(OPEN);
            session.readAnswers(EXPORTED);
            return session;
        } catch (IOException | RuntimeException problem) {
            ExecutionResult end = psql.stop();
            throw new IOException(end.succeeded() ? problem.getMessage() : "psql " + end.explain(), problem);
        }
    }

    /** Sends the counting statements and returns at once: they run in the snapshot while pg_dump runs beside them. */
    public void startCounting() throws IOException {
        psql.write(COUNT);
    }

    /**
     * Sends the size estimate, then the counting statements, and returns at once; the estimate goes
     * to whenEstimated as soon as the server answers (not at all when it fails, or when the server is
     * older than 10, whose psql has no \if).
     */
    public void startEstimatingAndCounting(LongConsumer whenEstimated) throws IOException {
        if (serverMajor() < 10) {
            startCounting();
            return;
        }
        estimated.set(whenEstimated);
        psql.write(ESTIMATE + COUNT);
    }

    private int serverMajor() {
        try {
            return Integer.parseInt(serverVersion.split("[.\\s]", 2)[0]);
        } catch (NumberFormatException unknown) {
            return 0;
        }
    }

    /** Waits until every table is counted. */
    public void awaitCounts() throws IOException {
        readAnswers(COUNTED);
    }

    private void readAnswers(String until) throws IOException {
        while (true) {
            String line;
            try {
                line = answers.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (line == null) {
                if (context.cancellation().isCancelled()) {
                    throw new IOException("cancelled");
                }
                if (psql.ended() && answers.isEmpty()) {
                    throw new IOException("psql ended before it answered");
                }
                continue;
            }
            if (line.equals(until)) {
                return;
            }
            if (line.startsWith("kompose-snapshot ")) {
                snapshot = line.substring("kompose-snapshot ".length()).strip();
            } else if (line.startsWith("kompose-server ")) {
                serverVersion = line.substring("kompose-server ".length()).strip();
            } else if (line.startsWith("kompose-rows ")) {
                Map<?, ?> row = (Map<?, ?>) JsonText.read(line.substring("kompose-rows ".length()));
                rowCounts.put((String) row.get("table"), ((Number) row.get("rows")).longValue());
            }
        }
    }

    public String snapshot() {
        return snapshot;
    }

    public String serverVersion() {
        return serverVersion;
    }

    /** Every table's rows, "schema.table" in name order. */
    public Map<String, Long> rowCounts() {
        return java.util.Collections.unmodifiableMap(rowCounts);
    }

    /** Ends the transaction and the session; what psql's end was. */
    public ExecutionResult end() {
        try {
            psql.write("COMMIT;\n");
        } catch (IOException alreadyGone) {
            // psql ended by itself (an error, a cancel): its end says how
        }
        return psql.finish();
    }

    /** Stops the session at once (a statement still waiting on a lock is cancelled on the server); what its end was. */
    public ExecutionResult abort() {
        return psql.stop();
    }

    @Override
    public void close() {
        end();
    }
}
