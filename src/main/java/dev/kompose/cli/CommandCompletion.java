package dev.kompose.cli;

import dev.kompose.db.DumpFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What TAB offers for a kompose command line ({@code [OPTIONS] PATTERN VERB [ARGS]} or
 * {@code [OPTIONS] VERB [ARGS]} for a verb that stands alone), derived from the
 * {@link CommandModel}: the options of the top-level command and of each verb come from their
 * picocli models, so an option is completed the day it is declared. Stacks, dump files and hooks
 * come from {@link CompletionSource}, read fresh each time. Used by the shell's completer and by
 * {@code kompose __complete} for the bash, zsh and fish scripts.
 */
public final class CommandCompletion {

    /**
     * One candidate.
     *
     * @param value what replaces the word
     * @param display what the menu shows
     * @param group the menu group, or null
     * @param description a line for the menu, or null
     * @param complete true when a space follows (false for KEY= and folders)
     * @param order sort key within the group (dump files newest first)
     */
    public record Suggestion(String value, String display, String group, String description, boolean complete,
            int order) {
        static Suggestion of(String value, String group, String description) {
            return new Suggestion(value, value, group, description, true, 0);
        }
    }

    private final CompletionSource source;
    private final CommandSpec topLevel = KomposeCommand.optionsSpec();

    public CommandCompletion(CompletionSource source) {
        this.source = source;
    }

    public CompletionSource source() {
        return source;
    }

    /** The candidates for the word being typed (current), given the complete words before it (without the program). */
    public List<Suggestion> commandLine(List<String> words, String current) {
        List<String> positional = new ArrayList<>();
        OptionSpec pending = null;
        for (String word : words) {
            if (pending != null) {
                pending = null;
                continue;
            }
            if (positional.isEmpty() && word.startsWith("-") && word.length() > 1) {
                OptionSpec option = topLevel.findOption(word.contains("=") ? word.substring(0, word.indexOf('=')) : word);
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
            return current.startsWith("-") ? options(topLevel, "options") : patternsAndStandaloneVerbs(current);
        }
        Optional<CommandModel.Verb> standalone = CommandModel.standaloneVerb(positional.get(0));
        boolean isStack = source.stackNames().contains(positional.get(0));
        if (standalone.isPresent() && !(isStack && positional.size() > 1)) {
            List<Suggestion> candidates = new ArrayList<>(verbArguments(standalone.get(), positional.subList(1, positional.size()),
                    current, null));
            if (isStack && positional.size() == 1 && !current.startsWith("-")) {
                candidates.addAll(verbs());
            }
            return candidates;
        }
        if (positional.size() == 1) {
            return verbs();
        }
        String command = positional.get(1);
        CommandModel.Verb verb = CommandModel.stackVerb(command).orElseGet(CommandModel::compose);
        return verbArguments(verb, positional.subList(2, positional.size()), current, positional.get(0));
    }

    /** After a verb: its options, an option's values, or what its positional arguments complete to. */
    private List<Suggestion> verbArguments(CommandModel.Verb verb, List<String> after, String current, String pattern) {
        CommandSpec spec = verb.spec();
        String previous = after.isEmpty() ? "" : after.get(after.size() - 1);
        OptionSpec previousOption = previous.startsWith("-") && !previous.contains("=") ? spec.findOption(previous) : null;
        if (previousOption != null && takesValue(previousOption)) {
            return optionValues(previousOption, current);
        }
        List<Suggestion> candidates = new ArrayList<>(options(spec, "options"));
        if (current.startsWith("-")) {
            return candidates;
        }
        switch (verb.completes()) {
            case DUMP_FILES -> {
                int order = 0;
                for (DumpFile dump : source.dumpFiles(pattern)) {
                    candidates.add(new Suggestion(dump.fileName(), dump.fileName(), "dumps, newest first",
                            dump.timestamp().toString().replace('T', ' '), true, ++order));
                }
            }
            case HOOK_NAMES -> source.hookNames(pattern).forEach(hook -> candidates.add(Suggestion.of(hook, "hooks", null)));
            case SHELL_NAMES -> {
                if (after.isEmpty()) {
                    new VerbOptions.ShellNames().forEach(shell -> candidates.add(Suggestion.of(shell, null, null)));
                }
            }
            case NOTHING -> {
                // options only
            }
        }
        return candidates;
    }

    private List<Suggestion> patternsAndStandaloneVerbs(String current) {
        List<Suggestion> candidates = new ArrayList<>(patterns(current));
        if (!current.contains(",")) {
            for (CommandModel.Verb verb : CommandModel.verbs()) {
                if (verb.standsAlone() && !verb.hidden()) {
                    candidates.add(Suggestion.of(verb.name(), "kompose", verb.summary()));
                }
            }
        }
        return candidates;
    }

    private List<Suggestion> patterns(String current) {
        int comma = current.lastIndexOf(',');
        String prefix = comma < 0 ? "" : current.substring(0, comma + 1);
        Set<String> already = Set.of(prefix.split(","));
        List<Suggestion> candidates = new ArrayList<>();
        candidates.add(Suggestion.of(prefix + "*", "stacks", "all stacks"));
        for (String name : source.stackNames()) {
            if (!already.contains(name)) {
                candidates.add(new Suggestion(prefix + name, name, "stacks", null, true, 1));
            }
        }
        return candidates;
    }

    /** The verbs that work on stacks, then the compose commands. */
    public static List<Suggestion> verbs() {
        List<Suggestion> candidates = new ArrayList<>();
        for (CommandModel.Verb verb : CommandModel.verbs()) {
            if (verb.worksOnStacks() && !verb.hidden()) {
                candidates.add(Suggestion.of(verb.name(), "kompose", verb.summary()));
            }
        }
        for (String compose : CommandModel.composeCommands()) {
            candidates.add(Suggestion.of(compose, "docker compose", "docker compose " + compose));
        }
        return candidates;
    }

    private static List<Suggestion> options(CommandSpec spec, String group) {
        List<Suggestion> candidates = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            String description = option.description().length == 0 ? null : option.description()[0];
            for (String name : option.names()) {
                candidates.add(Suggestion.of(name, group, description));
            }
        }
        return candidates;
    }

    private List<Suggestion> optionValues(OptionSpec option, String current) {
        if (option.paramLabel().equals("KEY=VALUE")) {
            return source.environmentKeys(null).stream()
                    .map(key -> new Suggestion(key + "=", key, "variables", null, false, 0)).toList();
        }
        if (option.type() == Path.class) {
            return directories(current);
        }
        List<Suggestion> values = new ArrayList<>();
        if (option.completionCandidates() != null) {
            option.completionCandidates().forEach(value -> values.add(Suggestion.of(value, null, null)));
        }
        return values;
    }

    private static List<Suggestion> directories(String current) {
        Path typed = Path.of(current.isEmpty() ? "./" : current);
        boolean endsWithSlash = current.isEmpty() || current.endsWith("/");
        Path folder = endsWithSlash ? typed : typed.getParent() == null ? Path.of(".") : typed.getParent();
        String typedFolder = endsWithSlash ? current : current.substring(0, current.length() - typed.getFileName().toString().length());
        List<Suggestion> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path entry : entries) {
                candidates.add(new Suggestion(typedFolder + entry.getFileName() + "/", entry.getFileName() + "/", null, null,
                        false, 0));
            }
        } catch (IOException | RuntimeException unreadable) {
            // nothing to offer
        }
        return candidates;
    }

    static boolean takesValue(OptionSpec option) {
        return option.arity().max() > 0 && !option.typeInfo().isBoolean();
    }
}
