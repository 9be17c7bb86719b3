package dev.kompose.cli;

import dev.kompose.json.JsonText;
import dev.kompose.safety.Journal;
import dev.kompose.stack.Stack;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kompose journal [--stack S] [--last N] [--json]}, or {@code kompose <PATTERN> journal}: what
 * kompose did, newest last.
 */
public final class JournalVerb implements StandaloneVerb, StackVerb {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String STACK = "--stack";
    private static final String LAST = "--last";
    private static final String JSON = "--json";

    private final String stack;
    private final int last;
    private final boolean json;

    /** The verb with the values of its parsed model. */
    JournalVerb(CommandSpec parsed) {
        stack = CommandSpecs.value(parsed, STACK);
        last = CommandSpecs.value(parsed, LAST);
        json = CommandSpecs.isSet(parsed, JSON);
    }

    /** A fresh model of the verb: --stack STACK, --last N, --json, --help. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command("journal",
                "Show the operations journal: one entry per stack per run, newest last.",
                "Journal file: $KOMPOSE_JOURNAL, else $XDG_STATE_HOME/kompose/journal.jsonl,",
                "else ~/.local/state/kompose/journal.jsonl.");
        spec.usageMessage().sortOptions(false);
        spec.addOption(CommandSpecs.option(String.class, "STACK", "Only this stack's entries.", STACK).build());
        spec.addOption(CommandSpecs.option(int.class, "N", "The newest N entries (default 20; 0 = all).", LAST)
                .initialValue(20).build());
        CommandSpecs.addFlag(spec, "Print the entries as the JSON lines they are stored as (-o json: one document).", JSON);
        VerbOptions.addHelp(spec);
        return spec;
    }

    @Override
    public int execute(Session session) {
        return show(session, null);
    }

    @Override
    public int execute(String pattern, Operations operations) {
        Set<String> stacks = operations.select(pattern).stream().map(Stack::name).collect(Collectors.toSet());
        return show(operations.session(), stacks);
    }

    private int show(Session session, Set<String> stacks) {
        PrintWriter out = session.out();
        PrintWriter err = session.err();
        if (last < 0) {
            throw new UsageException("journal: --last must be 0 or more, not " + last);
        }
        Journal journal = Journal.at(session.processEnvironment());
        Journal.Entries read;
        try {
            read = journal.read();
        } catch (IOException unreadable) {
            err.println("kompose: cannot read the journal " + journal.file() + ": " + unreadable.getClass().getSimpleName());
            return 1;
        }
        List<Map<String, Object>> entries = read.entries().stream()
                .filter(entry -> stack == null || stack.equals(entry.get("stack")))
                .filter(entry -> stacks == null || stacks.contains(String.valueOf(entry.get("stack")))).toList();
        if (last > 0 && entries.size() > last) {
            entries = entries.subList(entries.size() - last, entries.size());
        }
        if (session.settings().jsonOutput()) {
            return document(session, journal, read, entries);
        }
        if (entries.isEmpty()) {
            out.println("[INFO] no journal entries" + (stack == null ? "" : " for stack " + stack) + " in " + journal.file());
        }
        for (Map<String, Object> entry : entries) {
            if (json) {
                out.println(JsonText.line(entry));
            } else {
                print(out, entry);
            }
        }
        if (read.skipped() > 0) {
            err.println("[WARN] " + read.skipped() + " line(s) of " + journal.file() + " are not journal entries; skipped");
        }
        out.flush();
        err.flush();
        return 0;
    }

    /** kompose.journal/1: the entries as stored (newest last), the file, and how many lines were not entries. */
    private int document(Session session, Journal journal, Journal.Entries read, List<Map<String, Object>> entries) {
        Map<String, Object> document = ListingDocuments.document("journal");
        document.put("file", journal.file().toString());
        document.put("skipped", read.skipped());
        document.put("entries", entries);
        session.out().println(JsonText.line(document));
        session.out().flush();
        return 0;
    }

    private static void print(PrintWriter out, Map<String, Object> entry) {
        out.println(time(entry.get("time")) + "  " + entry.get("stack") + "  " + entry.get("command") + "  "
                + entry.get("outcome") + " (exit " + entry.get("exit") + ", " + entry.get("seconds") + "s)  "
                + entry.get("user") + "@" + entry.get("host") + " pid " + entry.get("pid"));
        files(out, entry, "dumpsWritten", "wrote");
        files(out, entry, "dumpsRead", "read");
        files(out, entry, "filesDeleted", "deleted");
        files(out, entry, "databasesReplaced", "replaced database");
        Object message = entry.get("message");
        if (message instanceof String text && !text.isEmpty() && !"succeeded".equals(entry.get("outcome"))) {
            out.println("    " + text);
        }
    }

    private static void files(PrintWriter out, Map<String, Object> entry, String key, String verb) {
        if (entry.get(key) instanceof List<?> files) {
            files.forEach(file -> out.println("    " + verb + " " + file));
        }
    }

    private static String time(Object value) {
        try {
            return SHOWN.format(Instant.parse(String.valueOf(value)));
        } catch (RuntimeException notATime) {
            return String.valueOf(value);
        }
    }
}
