package dev.kompose.cli;

import dev.kompose.compose.PostgresServiceChoice;
import dev.kompose.db.DatabaseSettings;
import dev.kompose.db.DumpEntry;
import dev.kompose.db.DumpVerdict;
import dev.kompose.hooks.HookCatalog;
import dev.kompose.read.StackSnapshot;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The listings as JSON documents ({@code -o json}; described in docs/json.md): kompose.stacks/1,
 * kompose.dumps/1 and kompose.hooks/1. Paths and times are strings; a field that does not apply
 * is null, never left out.
 */
final class ListingDocuments {
    private ListingDocuments() {
    }

    /** A document's first field: its schema name and version ("kompose.stacks/1"). */
    static Map<String, Object> document(String name) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema", "kompose." + name + "/1");
        return document;
    }

    static Map<String, Object> stacks(List<StackSnapshot> stacks) {
        Map<String, Object> document = document("stacks");
        List<Object> rows = new ArrayList<>();
        for (StackSnapshot stack : stacks) {
            Optional<DatabaseSettings> settings = stack.databaseSettings();
            Map<String, Object> row = stackHeader(stack);
            row.put("composeFile", stack.stack().composeFile().toString());
            row.put("envFile", Files.exists(stack.stack().envFile()));
            row.put("database", settings.map(DatabaseSettings::name).orElse(null));
            row.put("dumps", settings.isPresent() ? stack.dumps().entries().size() : null);
            PostgresServiceChoice choice = stack.postgresService();
            row.put("postgresService", choice instanceof PostgresServiceChoice.Chosen chosen ? chosen.service().name() : null);
            row.put("postgres", Listings.postgresColumn(choice, settings.isPresent()));
            row.put("hooks", List.copyOf(stack.hooks().functionNames()));
            row.put("engine", stack.engine().label());
            row.put("engineHost", stack.engine().host().isEmpty() ? null : stack.engine().host());
            row.put("engineProblem", stack.engine().usable() ? null : stack.engine().problem());
            row.put("problems", problems(stack));
            rows.add(row);
        }
        document.put("stacks", rows);
        return document;
    }

    static Map<String, Object> dumps(List<StackSnapshot> stacks) {
        Map<String, Object> document = document("dumps");
        List<Object> rows = new ArrayList<>();
        for (StackSnapshot stack : stacks) {
            Map<String, Object> row = stackHeader(stack);
            Optional<DatabaseSettings> settings = stack.databaseSettings();
            row.put("database", settings.map(DatabaseSettings::name).orElse(null));
            List<Object> dumps = new ArrayList<>();
            for (DumpEntry dump : settings.isPresent() ? stack.dumps().entries() : List.<DumpEntry>of()) {
                dumps.add(dump(dump));
            }
            row.put("dumps", dumps);
            rows.add(row);
        }
        document.put("stacks", rows);
        return document;
    }

    /** One dump: file name, path, bytes, time from its name (local, ISO), completeness, restorability and why not. */
    static Map<String, Object> dump(DumpEntry dump) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", dump.fileName());
        entry.put("path", dump.path().toString());
        entry.put("bytes", dump.file().size());
        entry.put("time", dump.file().timestamp() == null ? null : dump.file().timestamp().toString());
        entry.put("complete", dump.judgedComplete());
        entry.put("restorable", dump.verdict().map(verdict -> verdict.integrityProblem().isEmpty()).orElse(null));
        entry.put("problem", dump.verdict().flatMap(DumpVerdict::integrityProblem).orElse(null));
        return entry;
    }

    static Map<String, Object> hooks(List<StackSnapshot> stacks, List<String> names) {
        Map<String, Object> document = document("hooks");
        List<Object> rows = new ArrayList<>();
        for (StackSnapshot stack : stacks) {
            Map<String, Object> row = stackHeader(stack);
            row.put("hooksFile", stack.hooks().file().map(Object::toString).orElse(null));
            row.put("functions", List.copyOf(stack.hooks().functionNames()));
            Map<String, Object> bodies = new LinkedHashMap<>();
            for (String name : names) {
                String function = name.startsWith(HookCatalog.PREFIX) ? name : HookCatalog.PREFIX + name;
                bodies.put(function, stack.hooks().functionText(function).orElse(null));
            }
            row.put("bodies", bodies);
            rows.add(row);
        }
        document.put("stacks", rows);
        return document;
    }

    private static Map<String, Object> stackHeader(StackSnapshot stack) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stack", stack.name());
        row.put("folder", stack.folder().toString());
        return row;
    }

    /** The stack's .env and compose problems, each with its level ("error" or "warning"). */
    static List<Object> problems(StackSnapshot stack) {
        List<Object> problems = new ArrayList<>();
        stack.environment().errorLines().forEach(text -> problems.add(Map.of("level", "error", "text", text)));
        stack.environment().problemLines().forEach(text -> problems.add(Map.of("level", "warning", "text", text)));
        stack.compose().problems().forEach(text -> problems.add(Map.of("level", "warning", "text", text)));
        return problems;
    }
}
