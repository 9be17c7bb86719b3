package dev.kompose.shell;

import dev.kompose.cli.CommandCompletion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * TAB completion for the shell: the shell's builtins, then the command line's grammar as
 * {@link CommandCompletion} derives it from the command model. Candidates are read fresh at every
 * TAB. Used from the line reader's thread only.
 */
public final class ShellCompleter implements Completer {
    static final Map<String, String> BUILTINS = builtins();

    private final CommandCompletion completion;
    private final Supplier<Set<String>> overrideKeys;

    /**
     * @param completion the command line's completion
     * @param overrideKeys the shell's current overrides, for {@code unset}
     */
    public ShellCompleter(CommandCompletion completion, Supplier<Set<String>> overrideKeys) {
        this.completion = completion;
        this.overrideKeys = overrideKeys;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = line.words().subList(0, Math.min(line.wordIndex(), line.words().size()));
        String current = line.word() == null ? "" : line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        candidates.addAll(candidates(before, current));
    }

    /** The candidates for the word being typed, given the complete words before it. */
    public List<Candidate> candidates(List<String> before, String current) {
        if (before.isEmpty()) {
            List<Candidate> first = new ArrayList<>();
            if (!current.startsWith("-")) {
                BUILTINS.forEach((name, description) -> first.add(candidate(name, "shell", description)));
            }
            first.addAll(adapt(completion.commandLine(List.of(), current)));
            return first;
        }
        List<String> rest = before.subList(1, before.size());
        return switch (before.get(0)) {
            case "step" -> adapt(completion.commandLine(rest, current));
            case "dry-run" -> rest.isEmpty() ? values(List.of("on", "off")) : List.of();
            case "set" -> rest.isEmpty() ? keys(completion.source().environmentKeys(null)) : List.of();
            case "unset" -> values(List.copyOf(overrideKeys.get()));
            case "help" -> rest.isEmpty() ? helpTopics() : List.of();
            case "history", "exit", "quit" -> List.of();
            default -> adapt(completion.commandLine(before, current));
        };
    }

    private static List<Candidate> helpTopics() {
        List<Candidate> topics = new ArrayList<>();
        BUILTINS.keySet().forEach(name -> topics.add(candidate(name, "shell", null)));
        CommandCompletion.verbs().forEach(verb -> topics.add(candidate(verb.value(), "commands", null)));
        return topics;
    }

    private static List<Candidate> adapt(List<CommandCompletion.Suggestion> suggestions) {
        return suggestions.stream().map(suggestion -> new Candidate(suggestion.value(), suggestion.display(),
                suggestion.group(), suggestion.description(), null, null, suggestion.complete(), suggestion.order())).toList();
    }

    private static List<Candidate> keys(List<String> keys) {
        return keys.stream().map(key -> new Candidate(key + "=", key, "variables", null, null, null, false, 0)).toList();
    }

    private static List<Candidate> values(List<String> values) {
        return values.stream().map(value -> candidate(value, null, null)).toList();
    }

    private static Candidate candidate(String value, String group, String description) {
        return new Candidate(value, value, group, description, null, null, true, 0);
    }

    private static Map<String, String> builtins() {
        Map<String, String> builtins = new java.util.LinkedHashMap<>();
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
