package dev.kompose.shell;

import dev.kompose.cli.CommandLines;
import dev.kompose.cli.CommandModel;
import dev.kompose.cli.EnvironmentOverrides;
import dev.kompose.cli.Prompter;
import dev.kompose.cli.Session;
import dev.kompose.cli.Settings;
import dev.kompose.cli.UsageException;
import dev.kompose.cli.VerbHelp;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one line of the shell: a builtin (help, step, dry-run, set, unset, history, exit) or, for
 * anything else, the very command line kompose runs, built by the same picocli model on a session
 * with the shell's settings (so {@code -n} or {@code -e} on one line changes only that line). The
 * shell's settings are an immutable value that set, unset and dry-run replace.
 */
final class ShellInterpreter {
    private final Session session;
    private Settings settings;
    private Prompter prompter;
    private Supplier<List<String>> history;
    private boolean exitRequested;
    private java.util.function.IntSupplier tableWidth = () -> 0;

    ShellInterpreter(Session session, Prompter prompter, Supplier<List<String>> history) {
        this.session = session;
        this.settings = session.settings();
        this.prompter = prompter;
        this.history = history;
    }

    /** Where questions during a command are answered, and where the history comes from. */
    void answerQuestionsWith(Prompter questions, Supplier<List<String>> lines) {
        this.prompter = questions;
        this.history = lines;
    }

    /** Where the width of the terminal comes from: tables printed by a line fit it. */
    void tablesFit(java.util.function.IntSupplier terminalWidth) {
        this.tableWidth = terminalWidth;
    }

    Settings settings() {
        return settings;
    }

    boolean exitRequested() {
        return exitRequested;
    }

    /** Runs the words of one line; returns its exit status. */
    int execute(List<String> words) {
        if (words.isEmpty()) {
            return 0;
        }
        List<String> rest = words.subList(1, words.size());
        PrintWriter out = session.out();
        try {
            return switch (words.get(0)) {
                case "exit", "quit" -> {
                    exitRequested = true;
                    yield 0;
                }
                case "help" -> help(rest);
                case "step" -> {
                    if (rest.size() < 2) {
                        throw new UsageException("step <pattern> <command> [args], e.g. step news db:export");
                    }
                    List<String> stepped = new ArrayList<>(List.of("--step"));
                    stepped.addAll(rest);
                    yield commandLine(stepped);
                }
                case "dry-run" -> dryRun(rest);
                case "set" -> set(rest);
                case "unset" -> unset(rest);
                case "history" -> {
                    List<String> lines = history.get();
                    for (int index = 0; index < lines.size(); index++) {
                        out.printf("%5d  %s%n", index + 1, lines.get(index));
                    }
                    out.flush();
                    yield 0;
                }
                case "shell" -> {
                    if (rest.isEmpty()) {
                        out.println("Already in the kompose shell (exit or Ctrl-D leaves it).");
                        out.flush();
                        yield 0;
                    }
                    yield commandLine(words);
                }
                default -> commandLine(words);
            };
        } catch (UsageException usage) {
            session.err().println("kompose: " + usage.getMessage());
            session.err().flush();
            return 2;
        }
    }

    private int commandLine(List<String> words) {
        try {
            return CommandLines.create(session.with(settings.withColumns(tableWidth.getAsInt())), prompter)
                    .execute(words.toArray(String[]::new));
        } finally {
            session.out().flush();
            session.err().flush();
        }
    }

    private int dryRun(List<String> rest) {
        if (rest.size() != 1 || !(rest.get(0).equals("on") || rest.get(0).equals("off"))) {
            throw new UsageException("dry-run on|off (now " + (settings.dryRun() ? "on" : "off") + ")");
        }
        settings = settings.withDryRun(rest.get(0).equals("on"));
        session.out().println("dry-run " + rest.get(0) + (settings.dryRun() ? ": commands are shown, nothing runs" : ""));
        session.out().flush();
        return 0;
    }

    private int set(List<String> rest) {
        if (rest.isEmpty()) {
            if (settings.overrides().isEmpty()) {
                session.out().println("No overrides (set KEY=VALUE adds one for every later command).");
            }
            settings.overrides().forEach((key, value) -> session.out().println(key + "=" + shown(key, value)));
            session.out().flush();
            return 0;
        }
        for (String assignment : rest) {
            Map.Entry<String, String> entry = EnvironmentOverrides.parseOne(assignment);
            settings = settings.withOverrides(Map.of(entry.getKey(), entry.getValue()));
            session.out().println(entry.getKey() + "=" + shown(entry.getKey(), entry.getValue()) + " (session override)");
        }
        session.out().flush();
        return 0;
    }

    private int unset(List<String> rest) {
        if (rest.isEmpty()) {
            throw new UsageException("unset KEY [KEY...]");
        }
        for (String key : rest) {
            if (!settings.overrides().containsKey(key)) {
                session.err().println("kompose: " + key + " is not a session override");
            }
            settings = settings.withoutOverride(key);
        }
        session.err().flush();
        return 0;
    }

    private int help(List<String> rest) {
        PrintWriter out = session.out();
        if (rest.isEmpty()) {
            out.println("Type what you would type after `kompose`: [OPTIONS] <PATTERN> <COMMAND> [ARGS...]");
            out.println("TAB completes stacks (also after a comma), commands, dump files, hooks and options.");
            out.println();
            out.println("Shell commands:");
            ShellCompleter.BUILTINS.forEach((name, text) -> out.printf("  %-12s %s%n", name, text));
            out.println();
            out.println("Commands:");
            VerbHelp.overview().forEach(out::println);
            out.println();
            out.println("help COMMAND: its options. help kompose: the full command-line help. Ctrl-C clears the line or"
                    + " cancels the running command; Ctrl-D leaves.");
            out.flush();
            return 0;
        }
        String topic = rest.get(0);
        Optional<CommandModel.Verb> verb = CommandModel.verbs().stream().filter(known -> known.name().equals(topic)).findFirst();
        if (topic.equals("kompose") || topic.equals("options")) {
            CommandLines.create(session.with(settings), prompter).usage(out);
        } else if (ShellCompleter.BUILTINS.containsKey(topic)) {
            out.println(topic + ": " + ShellCompleter.BUILTINS.get(topic));
        } else if (verb.isPresent()) {
            VerbHelp.print(verb.get(), out);
        } else if (CommandModel.composeCommands().contains(topic)) {
            VerbHelp.print(CommandModel.compose(), out);
        } else {
            out.println("No help for " + topic + ". Try: help, help kompose, help db:import");
            out.flush();
            return 2;
        }
        out.flush();
        return 0;
    }

    private static String shown(String key, String value) {
        return dev.kompose.stack.StackEnvironment.isSecretName(key) ? "***" : value;
    }
}
