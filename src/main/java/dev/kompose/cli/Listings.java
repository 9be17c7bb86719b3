package dev.kompose.cli;

import dev.kompose.compose.PostgresServiceChoice;
import dev.kompose.db.ByteCounts;
import dev.kompose.db.DatabaseSettings;
import dev.kompose.db.DumpEntry;
import dev.kompose.render.Style;
import dev.kompose.read.StackSnapshot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The read-only listings: --list (stacks), db:list (dumps), hooks (hook functions); as text, or with -o json as one document each. */
final class Listings {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final PrintWriter out;
    private final Style style;
    private final boolean json;
    private final int columns;

    Listings(PrintWriter out, Style style, OutputFormat format) {
        this(out, style, format, 0);
    }

    /** @param columns the width a table row may take (longer rows end in "~"), or 0 for no limit */
    Listings(PrintWriter out, Style style, OutputFormat format, int columns) {
        this.out = out;
        this.style = style;
        this.json = format == OutputFormat.JSON;
        this.columns = columns;
    }

    /** The listings of a session: its standard output, colours, output format and table width. */
    static Listings of(Session session) {
        return new Listings(session.out(), new Style(session.settings().colour()), session.settings().output(),
                session.settings().columns());
    }

    /** Prints one JSON document on one line. */
    int print(java.util.Map<String, Object> document) {
        out.println(dev.kompose.json.JsonText.line(document));
        out.flush();
        return 0;
    }

    /** One row per stack: compose file, .env, dump count, postgres, hooks. */
    int stacks(List<StackSnapshot> stacks) {
        if (json) {
            return print(ListingDocuments.stacks(stacks));
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STACK", "COMPOSE FILE", ".ENV", "DUMPS", "POSTGRES", "HOOKS", "ENGINE"});
        // each stack's settings worked out once: they are derived anew on every call (a tenth of a
        // 1,000-stack listing went to working them out three times)
        List<Optional<DatabaseSettings>> settingsOfStacks = new ArrayList<>(stacks.size());
        for (StackSnapshot stack : stacks) {
            Optional<DatabaseSettings> settings = stack.databaseSettings();
            settingsOfStacks.add(settings);
            String dumps = settings.map(database -> Integer.toString(stack.dumps().entries().size())).orElse("-");
            String postgres = postgresColumn(stack.postgresService(), settings.isPresent());
            int hookCount = stack.hooks().functionNames().size();
            rows.add(new String[] {stack.name(), stack.stack().composeFile().getFileName().toString(),
                    Files.exists(stack.stack().envFile()) ? "yes" : "no", dumps, postgres,
                    hookCount == 0 ? "-" : Integer.toString(hookCount), stack.engine().describe()});
        }
        printTable(rows);
        for (int index = 0; index < stacks.size(); index++) {
            StackSnapshot stack = stacks.get(index);
            settingsOfStacks.get(index).ifPresent(settings -> out.println(style.bold(stack.name() + ":") + " database "
                    + settings.name() + ", tools " + stack.databaseTools().describe() + "; " + settings.describeOrigins()));
        }
        for (StackSnapshot stack : stacks) {
            if (!stack.engine().usable()) {
                out.println(style.red("[ERROR]") + " " + stack.name() + ": engine " + stack.engine().label() + ": "
                        + stack.engine().problem());
            }
            stack.environment().errorLines().forEach(problem -> out.println(style.red("[ERROR]") + " " + problem));
            stack.environment().problemLines().forEach(problem -> out.println(style.yellow("[WARN]") + " " + problem));
            stack.compose().problems().forEach(problem -> out.println(style.yellow("[WARN]") + " " + problem));
        }
        out.println(stacks.size() + (stacks.size() == 1 ? " stack" : " stacks"));
        out.flush();
        return 0;
    }

    /** "yes (db)" naming the PostgreSQL service, "ambiguous: a, b", "external" (DB_NAME only) or "no". */
    static String postgresColumn(PostgresServiceChoice choice, boolean databaseSettings) {
        if (choice instanceof PostgresServiceChoice.Chosen chosen) {
            return "yes (" + chosen.service().name() + ")";
        }
        if (choice instanceof PostgresServiceChoice.None) {
            return databaseSettings ? "external" : "no";
        }
        return choice.describe();
    }

    /** Dumps per stack, newest first, with size, date and completeness. */
    int dumps(List<StackSnapshot> stacks) {
        if (json) {
            return print(ListingDocuments.dumps(stacks));
        }
        for (StackSnapshot stack : stacks) {
            Optional<DatabaseSettings> settings = stack.databaseSettings();
            if (settings.isEmpty()) {
                out.println(style.bold("[STACK: " + stack.name() + "]") + " no database");
                continue;
            }
            List<DumpEntry> dumps = stack.dumps().entries();
            out.println(style.bold("[STACK: " + stack.name() + "]") + " database " + settings.get().name() + ": "
                    + dumps.size() + (dumps.size() == 1 ? " dump" : " dumps"));
            List<String[]> rows = new ArrayList<>();
            for (DumpEntry dump : dumps) {
                rows.add(new String[] {"  " + dump.fileName(), ByteCounts.format(dump.file().size()),
                        DATE.format(dump.file().timestamp()), dump.judgedComplete() ? "complete" : "INCOMPLETE"});
            }
            printTable(rows);
        }
        out.flush();
        return 0;
    }

    /** The hook functions each stack defines; with names, the bodies of those functions as hooks.sh defines them. */
    int hooks(List<StackSnapshot> stacks, List<String> names) {
        if (json) {
            return print(ListingDocuments.hooks(stacks, names));
        }
        if (!names.isEmpty()) {
            return hookBodies(stacks, names);
        }
        for (StackSnapshot stack : stacks) {
            String header = style.bold("[STACK: " + stack.name() + "]");
            if (stack.hooks().file().isEmpty()) {
                out.println(header + " no hooks.sh");
            } else if (stack.hooks().functionNames().isEmpty()) {
                out.println(header + " hooks.sh defines no hook_ functions");
            } else {
                out.println(header + " hooks.sh defines:");
                stack.hooks().functionNames().forEach(name -> out.println("  " + name));
            }
        }
        out.flush();
        return 0;
    }

    private int hookBodies(List<StackSnapshot> stacks, List<String> names) {
        for (StackSnapshot stack : stacks) {
            out.println(style.bold("[STACK: " + stack.name() + "]"));
            for (String name : names) {
                String function = name.startsWith(dev.kompose.hooks.HookCatalog.PREFIX) ? name : dev.kompose.hooks.HookCatalog.PREFIX + name;
                stack.hooks().functionText(function).ifPresentOrElse(
                        text -> text.lines().forEach(line -> out.println("  " + line)),
                        () -> out.println("  " + function + ": not defined"));
            }
        }
        out.flush();
        return 0;
    }


    /** Rows in columns two spaces apart, the first row as given (a header, or not). */
    void printTable(List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            for (int column = 0; column < row.length; column++) {
                line.append(row[column]);
                if (column < row.length - 1) {
                    line.append(" ".repeat(widths[column] - row[column].length() + 2));
                }
            }
            String text = line.toString().stripTrailing();
            out.println(columns > 1 && text.length() > columns ? text.substring(0, columns - 1) + "~" : text);
        }
    }
}
