package dev.kompose.shell;

import dev.kompose.db.DumpFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * TAB completion for the shell, following the command line's grammar {@code [OPTIONS] PATTERN
 * COMMAND [ARGS]} (options read from the same picocli model) plus the shell's builtins. Candidates
 * come from {@link CompletionSource}, read fresh at every TAB. The command model is built at the
 * first TAB, not at start-up. Used from the line reader's thread only.
 */
public final class ShellCompleter implements Completer {
    static final Map<String, String> BUILTINS = builtins();
    private static final Map<String, List<String>> OPTION_VALUES = Map.of(
            "--progress", List.of("auto", "panel", "plain", "none"),
            "--hook-timeout", List.of("30s", "5m", "10m", "1h"));
    private static final Map<String, List<String>> COMMAND_OPTIONS = Map.of(
            "db:import", List.of("--keep-previous", "--dry-run"),
            "db:cleanup", List.of("--keep", "--dry-run"),
            "db:export", List.of("--dry-run"),
            "db:list", List.of("--dry-run"),
            "hooks", List.of("--dry-run"));

    private final CompletionSource source;
    private final Supplier<CommandSpec> commandModel;
    private CommandSpec commandSpec;
    private final Supplier<Set<String>> overrideKeys;
    private final boolean shellBuiltins;

    /**
     * @param source stacks, dumps, hooks, keys
     * @param commandSpec the picocli model of {@code kompose} (its options)
     * @param overrideKeys the session's current overrides, for {@code unset}
     */
    public ShellCompleter(CompletionSource source, CommandSpec commandSpec, Supplier<Set<String>> overrideKeys) {
        this(source, () -> commandSpec, overrideKeys, true);
    }

    /** With shellBuiltins false (the bash, zsh and fish scripts) the first word offers kompose's subcommands instead. */
    ShellCompleter(CompletionSource source, Supplier<CommandSpec> commandModel, Supplier<Set<String>> overrideKeys,
            boolean shellBuiltins) {
        this.source = source;
        this.commandModel = commandModel;
        this.overrideKeys = overrideKeys;
        this.shellBuiltins = shellBuiltins;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = line.words().subList(0, Math.min(line.wordIndex(), line.words().size()));
        String current = line.word() == null ? "" : line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        candidates.addAll(candidates(before, current));
    }

    /** The candidates for the word being typed, given the complete words before it. */
    public List<Candidate> candidates(List<String> before, String current) {
        if (commandSpec == null) {
            commandSpec = commandModel.get();
        }
        if (!shellBuiltins) {
            return before.isEmpty() || !commandSpec.subcommands().containsKey(before.get(0))
                    ? subcommandsAndCommandLine(before, current) : subcommandArguments(before);
        }
        if (before.isEmpty()) {
            List<Candidate> first = new ArrayList<>();
            if (!current.startsWith("-")) {
                BUILTINS.forEach((name, description) -> first.add(candidate(name, "shell", description, true, 0)));
            }
            first.addAll(commandLine(List.of(), current));
            return first;
        }
        List<String> rest = before.subList(1, before.size());
        return switch (before.get(0)) {
            case "step" -> commandLine(rest, current);
            case "dry-run" -> rest.isEmpty() ? values(List.of("on", "off")) : List.of();
            case "set" -> rest.isEmpty() ? keys(source.environmentKeys(null)) : List.of();
            case "unset" -> overrideKeys.get().stream().map(key -> candidate(key, null, null, true, 0)).toList();
            case "help" -> rest.isEmpty() ? helpTopics() : List.of();
            case "list", "history", "exit", "quit" -> List.of();
            default -> commandLine(before, current);
        };
    }

    private List<Candidate> subcommandsAndCommandLine(List<String> before, String current) {
        List<Candidate> candidates = new ArrayList<>(commandLine(before, current));
        boolean beforePattern = before.isEmpty() || !takesValue(before.get(before.size() - 1)) && positionalCount(before) == 0;
        if (beforePattern && !current.startsWith("-")) {
            commandSpec.subcommands().keySet().stream().filter(name -> !name.startsWith("__"))
                    .forEach(name -> candidates.add(candidate(name, "kompose", null, true, 0)));
        }
        return candidates;
    }

    private int positionalCount(List<String> words) {
        int count = 0;
        boolean optionValue = false;
        for (String word : words) {
            if (optionValue) {
                optionValue = false;
            } else if (count == 0 && word.startsWith("-") && word.length() > 1) {
                optionValue = takesValue(word);
            } else {
                count++;
            }
        }
        return count;
    }

    private List<Candidate> subcommandArguments(List<String> before) {
        if (before.get(0).equals("completion") && before.size() == 1) {
            return values(List.of("bash", "zsh", "fish"));
        }
        return List.of();
    }

    private boolean takesValue(String word) {
        OptionSpec option = word.startsWith("-") && !word.contains("=") ? commandSpec.findOption(word) : null;
        return option != null && takesValue(option);
    }

    /** {@code [OPTIONS] PATTERN COMMAND [ARGS]}: what may come after the given words. */
    private List<Candidate> commandLine(List<String> words, String current) {
        List<String> positional = new ArrayList<>();
        OptionSpec pending = null;
        for (String word : words) {
            if (pending != null) {
                pending = null;
                continue;
            }
            if (positional.isEmpty() && word.startsWith("-") && word.length() > 1) {
                OptionSpec option = commandSpec.findOption(word.contains("=") ? word.substring(0, word.indexOf('=')) : word);
                if (option != null && !word.contains("=") && takesValue(option)) {
                    pending = option;
                }
                continue;
            }
            positional.add(word);
        }
        if (pending != null) {
            return optionValues(pending, current);
        }
        if (positional.isEmpty()) {
            return current.startsWith("-") ? options() : patterns(current);
        }
        if (positional.size() == 1) {
            return commands();
        }
        String pattern = positional.get(0);
        String command = positional.get(1);
        String previous = positional.get(positional.size() - 1);
        List<Candidate> candidates = new ArrayList<>();
        COMMAND_OPTIONS.getOrDefault(command, List.of()).forEach(option -> candidates.add(candidate(option, "options", null, true, 0)));
        if (current.startsWith("-") || previous.equals("--keep")) {
            return previous.equals("--keep") ? List.of() : candidates;
        }
        if (command.equals("db:import")) {
            int order = 0;
            for (DumpFile dump : source.dumpFiles(pattern)) {
                candidates.add(candidate(dump.fileName(), "dumps, newest first", dump.timestamp().toString().replace('T', ' '),
                        true, ++order));
            }
        } else if (command.equals("hooks")) {
            source.hookNames(pattern).forEach(hook -> candidates.add(candidate(hook, "hooks", null, true, 0)));
        }
        return candidates;
    }

    private List<Candidate> patterns(String current) {
        int comma = current.lastIndexOf(',');
        String prefix = comma < 0 ? "" : current.substring(0, comma + 1);
        Set<String> already = Set.of(prefix.split(","));
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(candidate(prefix + "*", "stacks", "all stacks", true, 0));
        for (String name : source.stackNames()) {
            if (!already.contains(name)) {
                candidates.add(new Candidate(prefix + name, name, "stacks", null, null, null, true, 1));
            }
        }
        return candidates;
    }

    private List<Candidate> commands() {
        List<Candidate> candidates = new ArrayList<>();
        CompletionSource.COMMANDS.forEach((name, description) ->
                candidates.add(candidate(name, name.startsWith("db:") || name.equals("hooks") ? "kompose" : "docker compose",
                        description, true, 0)));
        return candidates;
    }

    private List<Candidate> options() {
        List<Candidate> candidates = new ArrayList<>();
        for (OptionSpec option : commandSpec.options()) {
            if (option.hidden()) {
                continue;
            }
            String description = option.description().length == 0 ? null : option.description()[0];
            for (String name : option.names()) {
                candidates.add(candidate(name, "options", description, !takesValue(option) || name.startsWith("-"), 0));
            }
        }
        return candidates;
    }

    private List<Candidate> optionValues(OptionSpec option, String current) {
        String longName = option.longestName();
        if (longName.equals("--env")) {
            return keys(source.environmentKeys(null));
        }
        if (longName.equals("--root")) {
            return directories(current);
        }
        return values(OPTION_VALUES.getOrDefault(longName, List.of()));
    }

    private List<Candidate> helpTopics() {
        List<Candidate> topics = new ArrayList<>();
        BUILTINS.keySet().forEach(name -> topics.add(candidate(name, "shell", null, true, 0)));
        CompletionSource.COMMANDS.keySet().forEach(name -> topics.add(candidate(name, "commands", null, true, 0)));
        return topics;
    }

    private static List<Candidate> keys(List<String> keys) {
        return keys.stream().map(key -> new Candidate(key + "=", key, "variables", null, null, null, false, 0)).toList();
    }

    private static List<Candidate> values(List<String> values) {
        return values.stream().map(value -> candidate(value, null, null, true, 0)).toList();
    }

    private static List<Candidate> directories(String current) {
        Path typed = Path.of(current.isEmpty() ? "./" : current);
        boolean endsWithSlash = current.isEmpty() || current.endsWith("/");
        Path folder = endsWithSlash ? typed : typed.getParent() == null ? Path.of(".") : typed.getParent();
        String typedFolder = endsWithSlash ? current : current.substring(0, current.length() - typed.getFileName().toString().length());
        List<Candidate> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path entry : entries) {
                String name = typedFolder + entry.getFileName() + "/";
                candidates.add(new Candidate(name, entry.getFileName() + "/", null, null, null, null, false, 0));
            }
        } catch (IOException | RuntimeException unreadable) {
            // nothing to offer
        }
        return candidates;
    }

    /** The options kompose's own command takes after COMMAND. */
    static List<String> commandOptions(String command) {
        return COMMAND_OPTIONS.getOrDefault(command, List.of());
    }

    private static boolean takesValue(OptionSpec option) {
        return option.arity().max() > 0 && !option.typeInfo().isBoolean();
    }

    private static Candidate candidate(String value, String group, String description, boolean complete, int sort) {
        return new Candidate(value, value, group, description, null, null, complete, sort);
    }

    private static Map<String, String> builtins() {
        Map<String, String> builtins = new java.util.LinkedHashMap<>();
        builtins.put("list", "the stacks under the root");
        builtins.put("help", "help [command]");
        builtins.put("step", "step <pattern> <command> [args]: confirm every stage");
        builtins.put("dry-run", "dry-run on|off: show, run nothing");
        builtins.put("set", "set KEY=VALUE: a session override");
        builtins.put("unset", "unset KEY");
        builtins.put("history", "the commands typed so far");
        builtins.put("exit", "leave the shell (also Ctrl-D)");
        return java.util.Collections.unmodifiableMap(builtins);
    }
}
