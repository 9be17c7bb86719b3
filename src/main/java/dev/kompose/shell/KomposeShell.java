package dev.kompose.shell;

import dev.kompose.cli.CommandCompletion;
import dev.kompose.cli.CompletionSource;
import dev.kompose.cli.Interrupts;
import dev.kompose.cli.Prompter;
import dev.kompose.cli.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.widget.AutosuggestionWidgets;

/**
 * The interactive shell. On a terminal: a JLine prompt showing the root and the session state,
 * TAB completion, history kept between sessions; Ctrl-C clears the line at the prompt and cancels
 * the running command otherwise; Ctrl-D leaves. Without a terminal: commands are read line by line
 * (no prompt, no control codes) and the shell exits with the status of the last command that failed.
 */
public final class KomposeShell {
    private final Session session;
    private final Parser parser = new DefaultParser();
    private ShellInterpreter interpreter;
    private CommandHighlighter highlighter;
    private CommandHintWidgets hints;
    private AutosuggestionWidgets suggestions;
    private LineInsight insight;

    /** @param session the session the shell starts with: its settings are the shell's first state */
    public KomposeShell(Session session) {
        this.session = session;
    }

    /** Runs the shell for session until it is left (the {@link dev.kompose.cli.ShellLauncher} of kompose). */
    public static int run(Session session) {
        return new KomposeShell(session).run();
    }

    public int run() {
        if (!session.settings().interactiveTerminal()) {
            return runLines(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        }
        try (Terminal terminal = SystemTerminal.open()) {
            return runTerminal(terminal);
        } catch (IOException noTerminal) {
            session.err().println("kompose: cannot open the terminal (" + noTerminal.getMessage() + ")");
            return 1;
        }
    }

    /** Line by line from a stream that is not a terminal; returns the status of the last failure, else 0. */
    int runLines(BufferedReader in) {
        List<String> lines = new ArrayList<>();
        interpreter = new ShellInterpreter(session, new LinePrompter(session.out(), in), () -> List.copyOf(lines));
        int lastFailure = 0;
        try {
            String line;
            while (!interpreter.exitRequested() && (line = in.readLine()) != null) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                lines.add(line);
                List<String> words;
                try {
                    words = words(line);
                } catch (EOFError unclosed) {
                    session.err().println("kompose: " + unclosed.getMessage() + ": " + line);
                    session.err().flush();
                    lastFailure = 2;
                    continue;
                }
                int status = interpreter.execute(words);
                if (status != 0) {
                    lastFailure = status;
                }
            }
        } catch (IOException unreadable) {
            session.err().println("kompose: reading commands failed: " + unreadable.getMessage());
            return 1;
        }
        return lastFailure;
    }

    private int runTerminal(Terminal terminal) {
        LineReader reader = lineReader(terminal);
        hints = new CommandHintWidgets(reader, insight());
        suggestions = new AutosuggestionWidgets(reader);
        suggestions.enable();
        interpreter.answerQuestionsWith(prompter(reader, terminal), () -> historyLines(reader.getHistory()));
        interpreter.tablesFit(terminal::getWidth);
        session.out().println("kompose shell: stacks in " + interpreter.settings().root() + ". help lists what you can type;"
                + " TAB completes; Ctrl-D leaves.");
        session.out().flush();
        while (!interpreter.exitRequested()) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException cleared) {
                hints.clear();
                continue;
            } catch (EndOfFileException endOfInput) {
                break;
            }
            hints.clear();
            List<String> words = line.isBlank() ? List.of() : reader.getParsedLine().words().stream()
                    .filter(word -> !word.isEmpty()).toList();
            terminal.handle(Terminal.Signal.INT, signal -> Interrupts.interruptOperation());
            try {
                interpreter.execute(words);
            } finally {
                terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_IGN);
            }
        }
        hints.clear();
        try {
            reader.getHistory().save();
        } catch (IOException unwritable) {
            // the history of this session is lost; nothing else depends on it
        }
        return 0;
    }

    /** The line reader with the shell's completer, parser, history file and options (no typo menu). */
    LineReader lineReader(Terminal terminal) {
        if (interpreter == null) {
            interpreter = new ShellInterpreter(session, null, () -> List.of());
        }
        ShellInterpreter current = interpreter;
        highlighter = new CommandHighlighter(insight());
        CompletionSource source = new CompletionSource(() -> current.settings().root(), session.processEnvironment());
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("kompose")
                .parser(parser)
                .highlighter(highlighter)
                .completer(new ShellCompleter(new CommandCompletion(source), () -> current.settings().overrides().keySet()))
                .history(new ShellHistory())
                .option(LineReader.Option.COMPLETE_MATCHER_TYPO, false)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true);
        Path historyFile = ShellHistory.file(session.processEnvironment());
        if (historyFile != null) {
            try {
                Files.createDirectories(historyFile.getParent());
                builder.variable(LineReader.HISTORY_FILE, historyFile);
            } catch (IOException unwritable) {
                session.err().println("[WARN] history is not kept: " + unwritable.getMessage());
            }
        }
        return builder.build();
    }

    /** Questions asked during a command (step-through, confirmations) are read at the prompt, outside history. */
    private Prompter prompter(LineReader reader, Terminal terminal) {
        return question -> {
            session.out().flush();
            int lastBreak = question.lastIndexOf('\n');
            if (lastBreak >= 0) {
                terminal.writer().println(question.substring(0, lastBreak));
                terminal.writer().flush();
            }
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            answering(true);
            try {
                return reader.readLine(question.substring(lastBreak + 1));
            } catch (UserInterruptException | EndOfFileException stop) {
                return null;
            } finally {
                answering(false);
                reader.setVariable(LineReader.DISABLE_HISTORY, false);
            }
        };
    }

    /** An answer to a question gets no suggestion from history, no hint and no colours of a command line. */
    private void answering(boolean answering) {
        highlighter.active(!answering);
        hints.active(!answering);
        if (answering) {
            suggestions.disable();
        } else {
            suggestions.enable();
        }
    }

    /** The shell's reading of a line, over the stacks under the current root (listed at most once a second). */
    private LineInsight insight() {
        if (insight == null) {
            ShellInterpreter current = interpreter;
            CompletionSource source = new CompletionSource(() -> current.settings().root(), session.processEnvironment());
            insight = new LineInsight(new RecentStackNames(source::stackNames, () -> current.settings().root()));
        }
        return insight;
    }

    /** {@code kompose ~/stacks [dry-run +1 override]> } */
    String prompt() {
        String root = interpreter.settings().root().toString();
        String home = session.processEnvironment().get("HOME");
        if (home != null && !home.isEmpty() && !home.equals("/") && root.startsWith(home)) {
            root = "~" + root.substring(home.length());
        }
        String state = interpreter.settings().describeState();
        return "kompose " + root + engineMark() + (state.isEmpty() ? "" : " [" + state + "]") + "> ";
    }

    /**
     * The engine the shell's commands reach unless a stack's .env pins another: " @far" for
     * --context far, a DOCKER_CONTEXT or a DOCKER_HOST (set by -e, the shell's set, or kompose's
     * environment); nothing for docker's default engine.
     */
    private String engineMark() {
        var settings = interpreter.settings();
        java.util.Map<String, String> environment = new java.util.HashMap<>(session.processEnvironment());
        environment.putAll(settings.overrides());
        var engine = new dev.kompose.docker.EngineResolver(settings.context()).resolve(
                java.util.List.of(new dev.kompose.docker.EngineResolver.Layer(
                        dev.kompose.docker.DockerEngine.Origin.OVERRIDE, settings.overrides()),
                        new dev.kompose.docker.EngineResolver.Layer(
                                dev.kompose.docker.DockerEngine.Origin.PROCESS, session.processEnvironment())),
                environment::get);
        return engine.isDefault() ? "" : " @" + engine.shortLabel();
    }

    private List<String> words(String line) {
        return parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words().stream()
                .filter(word -> !word.isEmpty()).toList();
    }

    private static List<String> historyLines(History history) {
        List<String> lines = new ArrayList<>();
        history.forEach(entry -> lines.add(entry.line()));
        return lines;
    }
}
