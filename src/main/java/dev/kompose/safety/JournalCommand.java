package dev.kompose.safety;

import dev.kompose.json.JsonText;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kompose journal [--stack S] [--last N] [--json]}: what kompose did, newest last. */
@Command(name = "kompose journal",
        description = {"Show the operations journal: one entry per stack per run, newest last.",
            "Journal file: $KOMPOSE_JOURNAL, else $XDG_STATE_HOME/kompose/journal.jsonl,",
            "else ~/.local/state/kompose/journal.jsonl."})
public final class JournalCommand {
    public static final String NAME = "journal";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--stack", paramLabel = "STACK", description = "Only this stack's entries.")
    String stack;

    @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "The newest N entries (default 20; 0 = all).")
    int last;

    @Option(names = "--json", description = "Print the entries as the JSON lines they are stored as.")
    boolean json;

    private final Journal journal;
    private final PrintWriter out;
    private final PrintWriter err;

    public JournalCommand(Journal journal, PrintWriter out, PrintWriter err) {
        this.journal = journal;
        this.out = out;
        this.err = err;
    }

    /** Parses the arguments after "journal" and prints; returns the exit status (2 for wrong arguments). */
    public int run(List<String> arguments) {
        CommandLine parser = new CommandLine(this).setOut(out).setErr(err);
        try {
            CommandLine.ParseResult parsed = parser.parseArgs(arguments.toArray(String[]::new));
            if (CommandLine.printHelpIfRequested(parsed)) {
                return 0;
            }
        } catch (CommandLine.ParameterException wrong) {
            err.println("kompose: journal: " + wrong.getMessage());
            return 2;
        }
        if (last < 0) {
            err.println("kompose: journal: --last must be 0 or more, not " + last);
            return 2;
        }
        Journal.Entries read;
        try {
            read = journal.read();
        } catch (IOException unreadable) {
            err.println("kompose: cannot read the journal " + journal.file() + ": " + unreadable.getClass().getSimpleName());
            return 1;
        }
        List<Map<String, Object>> entries = read.entries().stream()
                .filter(entry -> stack == null || stack.equals(entry.get("stack"))).toList();
        if (last > 0 && entries.size() > last) {
            entries = entries.subList(entries.size() - last, entries.size());
        }
        if (entries.isEmpty()) {
            out.println("[INFO] no journal entries" + (stack == null ? "" : " for stack " + stack) + " in " + journal.file());
        }
        for (Map<String, Object> entry : entries) {
            if (json) {
                out.println(JsonText.line(entry));
            } else {
                print(entry);
            }
        }
        if (read.skipped() > 0) {
            err.println("[WARN] " + read.skipped() + " line(s) of " + journal.file() + " are not journal entries; skipped");
        }
        out.flush();
        err.flush();
        return 0;
    }

    private void print(Map<String, Object> entry) {
        out.println(time(entry.get("time")) + "  " + entry.get("stack") + "  " + entry.get("command") + "  "
                + entry.get("outcome") + " (exit " + entry.get("exit") + ", " + entry.get("seconds") + "s)  "
                + entry.get("user") + "@" + entry.get("host") + " pid " + entry.get("pid"));
        files(entry, "dumpsWritten", "wrote");
        files(entry, "dumpsRead", "read");
        files(entry, "filesDeleted", "deleted");
        Object message = entry.get("message");
        if (message instanceof String text && !text.isEmpty() && !"succeeded".equals(entry.get("outcome"))) {
            out.println("    " + text);
        }
    }

    private void files(Map<String, Object> entry, String key, String verb) {
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
