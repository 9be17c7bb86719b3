package dev.kompose.shell;

import dev.kompose.cli.Session;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kompose __complete -- "<command line up to the cursor>"}: prints the completions of the
 * last word, one a line, computed by the shell's completer (stacks read fresh from the root the
 * line names with -C/--root, else $KOMPOSE_ROOT, else the current folder). The bash, zsh and fish
 * scripts call it at every TAB.
 */
@Command(name = CompleteCommand.NAME, hidden = true, description = "Completion candidates for a command line (used by the completion scripts).")
final class CompleteCommand implements Callable<Integer> {
    static final String NAME = "__complete";

    private final Session session;
    private final Map<String, String> environment;

    @Parameters(arity = "0..1", paramLabel = "LINE")
    String line = "";

    @Spec
    CommandSpec spec;

    CompleteCommand(Session session, Map<String, String> environment) {
        this.session = session;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = session.out();
        candidates(line).forEach(out::println);
        out.flush();
        return 0;
    }

    /** The values offered for the last word of the line (whose first word is the program). */
    List<String> candidates(String commandLine) {
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
        Path root = rootFrom(before);
        CommandSpec kompose = spec.parent();
        ShellCompleter completer = new ShellCompleter(new CompletionSource(() -> root, environment), () -> kompose, Set::of, false);
        return completer.candidates(before, current).stream().map(Candidate::value)
                .filter(value -> value.startsWith(current)).distinct().toList();
    }

    private Path rootFrom(List<String> words) {
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
        return session.root();
    }
}
