package dev.kompose.cli;

import java.nio.file.Path;
import java.util.List;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kompose __complete -- "<command line up to the cursor>"}: prints the completions of the
 * last word, one a line (stacks read fresh from the root the line names with -C/--root, else
 * $KOMPOSE_ROOT, else the current folder). The bash, zsh and fish scripts call it at every TAB.
 * The line is split into words by JLine's parser (no terminal is involved).
 */
public final class CompleteVerb implements StandaloneVerb {
    private static final String LINE = "LINE";

    private final String line;

    /** The verb with the values of its parsed model. */
    CompleteVerb(CommandSpec parsed) {
        line = CommandSpecs.value(parsed, LINE);
    }

    /** A fresh model of the verb, hidden from help: [LINE]. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command(CommandModel.COMPLETE,
                "Completion candidates for a command line (used by the completion scripts).");
        spec.usageMessage().hidden(true);
        spec.addPositional(CommandSpecs.positional("0", String.class, LINE).arity("0..1").initialValue("").build());
        return spec;
    }

    @Override
    public int execute(Session session) {
        candidates(session, line).forEach(session.out()::println);
        session.out().flush();
        return 0;
    }

    /** The values offered for the last word of the line (whose first word is the program). */
    static List<String> candidates(Session session, String commandLine) {
        ParsedLine parsed;
        try {
            parsed = new DefaultParser().parse(commandLine, commandLine.length(), Parser.ParseContext.COMPLETE);
        } catch (RuntimeException unparsable) {
            return List.of();
        }
        List<String> words = parsed.words();
        int index = Math.min(parsed.wordIndex(), words.size());
        List<String> before = words.subList(Math.min(1, index), index);
        String current = parsed.word() == null ? "" : parsed.word().substring(0, Math.min(parsed.wordCursor(), parsed.word().length()));
        Path root = rootFrom(before, session.root());
        CommandCompletion completion = new CommandCompletion(new CompletionSource(() -> root, session.processEnvironment()));
        return completion.commandLine(before, current).stream().map(CommandCompletion.Suggestion::value)
                .filter(value -> value.startsWith(current)).distinct().toList();
    }

    private static Path rootFrom(List<String> words, Path fallback) {
        for (int index = 0; index < words.size(); index++) {
            String word = words.get(index);
            if ((word.equals("-C") || word.equals("--root")) && index + 1 < words.size()) {
                return Path.of(words.get(index + 1)).toAbsolutePath().normalize();
            }
            if (word.startsWith("--root=")) {
                return Path.of(word.substring("--root=".length())).toAbsolutePath().normalize();
            }
            if (!word.startsWith("-")) {
                break;
            }
        }
        return fallback;
    }
}
