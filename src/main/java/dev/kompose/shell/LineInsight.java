package dev.kompose.shell;

import dev.kompose.cli.CommandModel;
import dev.kompose.cli.KomposeCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a line typed into the shell means so far, read with the command model (the verbs' picocli
 * specs and summaries, the top-level options) and the stacks under root: a one-line hint about the
 * verb or option at the cursor, and the words that name no stack or no command.
 */
final class LineInsight {
    /** How the shell judges a word. */
    enum Judgement {
        PLAIN,
        /** names no stack, matches none, or is no command of kompose's */
        UNKNOWN,
        /** not a compose command kompose knows of: passed to docker compose as it is */
        PASSED_ON
    }

    /** A word of the line, where it stands and how it is judged. */
    record Word(String text, int start, int end, Judgement judgement) {
    }

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final CommandSpec TOP_LEVEL = KomposeCommand.optionsSpec();
    private final Supplier<List<String>> stackNames;

    /** @param stackNames the stacks under root now (asked at each key: keep it cheap) */
    LineInsight(Supplier<List<String>> stackNames) {
        this.stackNames = stackNames;
    }

    /** The words of line, each judged; the word the cursor is in (no space after it yet) is judged only when nothing can complete it. */
    List<Word> words(String line) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(line);
        while (matcher.find()) {
            words.add(new Word(matcher.group(), matcher.start(), matcher.end(), Judgement.PLAIN));
        }
        Reading reading = read(words.stream().map(Word::text).toList());
        List<Word> judged = new ArrayList<>();
        for (int index = 0; index < words.size(); index++) {
            Word word = words.get(index);
            boolean typing = word.end() == line.length();
            Judgement judgement = Judgement.PLAIN;
            if (index == reading.patternIndex) {
                judgement = knownPattern(word.text(), typing) ? Judgement.PLAIN : Judgement.UNKNOWN;
            } else if (index == reading.commandIndex) {
                judgement = judgeCommand(word.text(), typing);
            }
            judged.add(new Word(word.text(), word.start(), word.end(), judgement));
        }
        return judged;
    }

    /** One line about what is being typed at the end of line: the verb and its summary, the option and its description. */
    String hint(String line) {
        List<String> words = new ArrayList<>(List.of(line.strip().isEmpty() ? new String[0] : line.strip().split("\\s+")));
        boolean newWord = line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1));
        String current = newWord || words.isEmpty() ? "" : words.remove(words.size() - 1);
        List<String> all = new ArrayList<>(words);
        all.add(current);
        Reading reading = read(all);
        int position = all.size() - 1;
        if (reading.builtin != null && position == 0) {
            return reading.builtin + ": " + ShellCompleter.BUILTINS.get(reading.builtin);
        }
        if (current.startsWith("-")) {
            CommandSpec spec = reading.commandIndex >= 0 && position > reading.commandIndex ? reading.verb.spec() : TOP_LEVEL;
            return describe(spec, current).orElse("options: " + (spec == TOP_LEVEL ? "before PATTERN" : "of " + reading.verb.name()));
        }
        if (reading.patternIndex < 0 || position <= reading.patternIndex) {
            return "PATTERN COMMAND [ARGS]: a stack, a glob (blog*), * or a comma list; or list, help, step, set, dry-run, exit";
        }
        if (reading.standalone != null) {
            return reading.standalone.name() + ": " + reading.standalone.summary();
        }
        if (position == reading.commandIndex && CommandModel.stackVerb(current).isEmpty()
                && !CommandModel.composeCommands().contains(current)) {
            return "COMMAND on " + all.get(reading.patternIndex) + ": db:export, db:import, db:cleanup, db:list, hooks, journal,"
                    + " or a docker compose command";
        }
        CommandModel.Verb verb = reading.verb;
        if (verb.name().equals(CommandModel.COMPOSE)) {
            return "docker compose " + all.get(reading.commandIndex) + " on " + all.get(reading.patternIndex)
                    + ", with its hooks; its arguments pass untouched";
        }
        return verb.name() + ": " + verb.summary();
    }

    private static Optional<String> describe(CommandSpec spec, String typed) {
        String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        OptionSpec option = spec.findOption(name);
        if (option == null) {
            option = spec.options().stream().filter(candidate -> !candidate.hidden()
                    && List.of(candidate.names()).stream().anyMatch(known -> known.startsWith(name))).findFirst().orElse(null);
        }
        if (option == null || option.hidden()) {
            return Optional.empty();
        }
        String label = String.join(", ", option.names()) + (takesValue(option) ? " " + option.paramLabel() : "");
        return Optional.of(label + ": " + (option.description().length == 0 ? "" : option.description()[0]));
    }

    /** Where the pattern and the command stand in the words, skipping the builtin step and options before PATTERN. */
    private static final class Reading {
        String builtin;
        int patternIndex = -1;
        int commandIndex = -1;
        CommandModel.Verb standalone;
        CommandModel.Verb verb = CommandModel.compose();
    }

    private Reading read(List<String> words) {
        Reading reading = new Reading();
        int index = 0;
        if (!words.isEmpty() && ShellCompleter.BUILTINS.containsKey(words.get(0))) {
            reading.builtin = words.get(0);
            if (!reading.builtin.equals("step")) {
                return reading;
            }
            index = 1;
        }
        for (; index < words.size(); index++) {
            String word = words.get(index);
            if (!word.startsWith("-") || word.length() == 1) {
                break;
            }
            OptionSpec option = TOP_LEVEL.findOption(word.contains("=") ? word.substring(0, word.indexOf('=')) : word);
            if (option != null && !word.contains("=") && takesValue(option)) {
                index++;
            }
        }
        if (index >= words.size()) {
            return reading;
        }
        reading.patternIndex = index;
        Optional<CommandModel.Verb> standalone = CommandModel.standaloneVerb(words.get(index));
        if (standalone.isPresent() && !stackNames.get().contains(words.get(index))) {
            reading.standalone = standalone.get();
            reading.verb = standalone.get();
            return reading;
        }
        if (index + 1 < words.size()) {
            reading.commandIndex = index + 1;
            reading.verb = CommandModel.stackVerb(words.get(index + 1)).orElseGet(CommandModel::compose);
        }
        return reading;
    }

    private boolean knownPattern(String pattern, boolean typing) {
        if (CommandModel.standaloneVerb(pattern).isPresent()) {
            return true;
        }
        List<String> names = stackNames.get();
        String[] items = pattern.split(",", -1);
        for (int item = 0; item < items.length; item++) {
            String glob = items[item].strip();
            boolean last = item == items.length - 1;
            if (glob.isEmpty()) {
                continue;
            }
            Pattern regex = globRegex(glob);
            boolean matches = names.stream().anyMatch(name -> regex.matcher(name).matches());
            boolean couldBecome = typing && last && names.stream().anyMatch(name -> name.startsWith(glob));
            if (!matches && !couldBecome) {
                return false;
            }
        }
        return true;
    }

    private static Judgement judgeCommand(String command, boolean typing) {
        if (CommandModel.stackVerb(command).isPresent() || CommandModel.composeCommands().contains(command)) {
            return Judgement.PLAIN;
        }
        boolean couldBecome = CommandModel.verbs().stream().anyMatch(verb -> verb.worksOnStacks() && !verb.hidden()
                && verb.name().startsWith(command)) || CommandModel.composeCommands().stream().anyMatch(known -> known.startsWith(command));
        if (typing && couldBecome) {
            return Judgement.PLAIN;
        }
        // db: is kompose's own prefix: a db: word that is none of its verbs is a typo, not a compose command
        return command.startsWith("db:") || command.startsWith("-") ? Judgement.UNKNOWN : Judgement.PASSED_ON;
    }

    private static Pattern globRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char character : glob.toCharArray()) {
            switch (character) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(character)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static boolean takesValue(OptionSpec option) {
        return option.arity().max() > 0 && !option.typeInfo().isBoolean();
    }
}
