package dev.kompose.cli;

import dev.kompose.compose.EngineContainers;
import dev.kompose.db.DumpEntry;
import dev.kompose.exec.DurationText;
import dev.kompose.json.JsonText;
import dev.kompose.read.StackSnapshot;
import dev.kompose.safety.Journal;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code <PATTERN> status [--max-age DURATION]}: one row per stack — engine, containers running/total
 * (and health), newest complete dump and its age, verified, last operation and its outcome. Each
 * engine is asked once ({@link Operations#status}). With --max-age it is a check for cron and
 * monitoring: exit 1 naming every database stack whose newest complete dump is older than that (or
 * missing), or whose last export failed.
 */
public final class StatusVerb implements StackVerb {
    private static final String MAX_AGE = "--max-age";

    private final Duration maxAge;

    /** The verb with the values of its parsed model. */
    StatusVerb(CommandSpec parsed) {
        maxAge = CommandSpecs.value(parsed, MAX_AGE);
    }

    /** A fresh model of the verb: --max-age DURATION, --help. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command("status", "One row per selected stack: engine, containers running/total"
                + " (and health), newest complete dump and its age, verified (the last db:verify of the newest dump: yes, FAILED,"
                + " or \"-\" when never verified), last operation and its outcome (from the journal). Each Docker engine is asked"
                + " once, not once per stack.");
        spec.usageMessage().sortOptions(false);
        spec.addOption(CommandSpecs.option(Duration.class, "DURATION", "Exit 1, naming them, when a database stack has no"
                + " complete dump younger than this (26h, 2d) or its last export failed.", MAX_AGE)
                .converters(new VerbOptions.DurationConverter()).completionCandidates(new VerbOptions.DurationExamples()).build());
        VerbOptions.addHelp(spec);
        return spec;
    }

    @Override
    public int execute(String pattern, Operations operations) {
        Session session = operations.session();
        Map<String, Map<String, Object>> lastOperations = new HashMap<>();
        Map<String, Map<String, Object>> lastExports = new HashMap<>();
        Map<String, Boolean> verifiedFiles = new HashMap<>();
        Journal journal = Journal.at(session.processEnvironment());
        try {
            for (Map<String, Object> entry : journal.read().entries()) {
                String stack = String.valueOf(entry.get("stack"));
                lastOperations.put(stack, entry);
                if (String.valueOf(entry.get("command")).startsWith("db:export")) {
                    lastExports.put(stack, entry);
                }
                if (entry.get("dumpsVerified") instanceof List<?> proofs) {
                    for (Object proof : proofs) {
                        if (proof instanceof Map<?, ?> map && map.get("ok") instanceof Boolean ok) {
                            verifiedFiles.put(String.valueOf(map.get("file")), ok);
                        }
                    }
                }
            }
        } catch (IOException unreadable) {
            session.err().println("[WARN] cannot read the journal " + journal.file() + ": " + unreadable.getClass().getSimpleName());
        }
        return operations.status(pattern, (stacks, engines) -> {
            LocalDateTime now = LocalDateTime.now(session.clock());
            List<Row> rows = stacks.stream().map(stack -> row(stack, engines, now, lastOperations.get(stack.name()),
                    lastExports.get(stack.name()), verifiedFiles)).toList();
            show(session, rows, engines);
            List<Row> stale = rows.stream().filter(row -> !row.staleBecause().isEmpty()).toList();
            if (!stale.isEmpty()) {
                session.err().println("kompose: stale: " + String.join("; ", stale.stream()
                        .map(row -> row.stack() + " (" + String.join(", ", row.staleBecause()) + ")").toList()));
                session.err().flush();
                return 1;
            }
            return 0;
        });
    }

    /** One stack's status; a field that does not apply is null. */
    record Row(String stack, String engine, String project, EngineContainers.Counts containers, boolean engineAnswered,
            boolean databaseStack, String database, DumpEntry newestDump, Duration dumpAge, Boolean verified,
            Map<String, Object> lastOperation,
            Map<String, Object> lastExport, List<String> staleBecause) {
    }

    private Row row(StackSnapshot stack, Map<String, EngineContainers> engines, LocalDateTime now,
            Map<String, Object> lastOperation, Map<String, Object> lastExport, Map<String, Boolean> verifiedFiles) {
        String engine = stack.engine().label();
        EngineContainers answer = engines.get(engine);
        boolean answered = answer != null && answer.answered();
        String project = stack.composeProjectName();
        EngineContainers.Counts counts = answer == null ? EngineContainers.Counts.NONE
                : answer.projects().getOrDefault(project, EngineContainers.Counts.NONE);
        Optional<DumpEntry> newest = stack.databaseSettings().isPresent() ? stack.dumps().newestComplete() : Optional.empty();
        Duration age = newest.map(dump -> Duration.between(dump.file().timestamp(), now)).map(d -> d.isNegative() ? Duration.ZERO : d)
                .orElse(null);
        List<String> stale = new ArrayList<>();
        if (maxAge != null && stack.isDatabaseStack()) {
            if (newest.isEmpty()) {
                stale.add("no complete dump");
            } else if (age.compareTo(maxAge) > 0) {
                stale.add("newest complete dump " + age(age) + " old, more than " + age(maxAge));
            }
            if (lastExport != null && !List.of("succeeded", "skipped").contains(String.valueOf(lastExport.get("outcome")))) {
                stale.add("last export " + lastExport.get("outcome") + " at " + lastExport.get("time"));
            }
        }
        return new Row(stack.name(), engine, project, counts, answered, stack.isDatabaseStack(),
                stack.databaseSettings().map(settings -> settings.name()).orElse(null), newest.orElse(null), age,
                newest.map(dump -> verifiedFiles.get(dump.path().toString())).orElse(null), lastOperation, lastExport, stale);
    }

    /** An age as operators read it: "45m", "5h12m", "3d4h". */
    static String age(Duration age) {
        if (age.toDays() == 0) {
            return DurationText.format(age.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).isZero() ? age
                    : age.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        }
        return age.toDays() + "d" + (age.toHoursPart() == 0 ? "" : age.toHoursPart() + "h");
    }

    /** ", 5m ago" for a journal time, or the time as written when it cannot be read. */
    private static String whenAgo(Object time, Session session) {
        try {
            Duration ago = Duration.between(java.time.Instant.parse(String.valueOf(time)), session.clock().instant());
            return ", " + age(ago.isNegative() ? Duration.ZERO : ago) + " ago";
        } catch (java.time.format.DateTimeParseException notATime) {
            return " " + time;
        }
    }

    private void show(Session session, List<Row> rows, Map<String, EngineContainers> engines) {
        if (session.settings().jsonOutput()) {
            session.out().println(JsonText.line(StatusDocument.of(rows, engines, maxAge)));
            session.out().flush();
            return;
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"STACK", "ENGINE", "CONTAINERS", "NEWEST DUMP", "AGE", "VERIFIED", "LAST OPERATION"});
        for (Row row : rows) {
            Map<String, Object> last = row.lastOperation();
            table.add(new String[] {row.stack(), row.engine(), row.engineAnswered() ? row.containers().describe() : "?",
                row.newestDump() == null ? (row.databaseStack() ? "none" : "-") : row.newestDump().fileName(),
                row.dumpAge() == null ? "-" : age(row.dumpAge()),
                row.verified() == null ? "-" : row.verified() ? "yes" : "FAILED",
                last == null ? "-" : last.get("command") + ": " + last.get("outcome") + whenAgo(last.get("time"), session)});
        }
        Listings.of(session).printTable(table);
        session.out().flush();
    }

    /** The status as one kompose.status/1 document. */
    static final class StatusDocument {
        private StatusDocument() {
        }

        static Map<String, Object> of(List<Row> rows, Map<String, EngineContainers> engines, Duration maxAge) {
            Map<String, Object> document = ListingDocuments.document("status");
            document.put("maxAgeSeconds", maxAge == null ? null : maxAge.toSeconds());
            document.put("engines", engines.values().stream().map(engine -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("engine", engine.engine());
                entry.put("answered", engine.answered());
                entry.put("problem", engine.problem().isEmpty() ? null : engine.problem());
                return (Object) entry;
            }).toList());
            List<Object> stacks = new ArrayList<>();
            for (Row row : rows) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("stack", row.stack());
                entry.put("engine", row.engine());
                entry.put("project", row.project());
                Map<String, Object> containers = new LinkedHashMap<>();
                containers.put("running", row.containers().running());
                containers.put("total", row.containers().total());
                containers.put("healthy", row.containers().healthy());
                containers.put("unhealthy", row.containers().unhealthy());
                containers.put("starting", row.containers().starting());
                entry.put("containers", row.engineAnswered() ? containers : null);
                entry.put("databaseStack", row.databaseStack());
                entry.put("database", row.database());
                entry.put("newestDump", row.newestDump() == null ? null : ListingDocuments.dump(row.newestDump()));
                entry.put("newestDumpAgeSeconds", row.dumpAge() == null ? null : row.dumpAge().toSeconds());
                entry.put("verified", row.verified());
                entry.put("lastOperation", summary(row.lastOperation()));
                entry.put("lastExport", summary(row.lastExport()));
                entry.put("stale", !row.staleBecause().isEmpty());
                entry.put("staleBecause", row.staleBecause());
                stacks.add(entry);
            }
            document.put("stacks", stacks);
            document.put("stale", rows.stream().filter(row -> !row.staleBecause().isEmpty()).map(Row::stack).toList());
            return document;
        }

        private static Map<String, Object> summary(Map<String, Object> entry) {
            if (entry == null) {
                return null;
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            for (String key : List.of("time", "command", "outcome", "exit", "message")) {
                summary.put(key, entry.get(key));
            }
            return summary;
        }
    }
}
