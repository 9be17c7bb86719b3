package dev.kompose.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.cli.CommandCompletion;
import dev.kompose.cli.CommandModel;
import dev.kompose.cli.CompletionSource;
import dev.kompose.cli.KomposeCommand;
import dev.kompose.cli.Session;
import dev.kompose.exec.ZtProcessRunner;
import dev.kompose.testing.BashCompletion;
import dev.kompose.testing.StackFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Walks the command model: every option of every verb (and of kompose itself) is offered by TAB
 * in the shell, by the bash completion script run in a real bash, and listed by the shell's
 * {@code help VERB}. A new option declared on a verb is covered the day it is declared.
 */
class CommandModelCompletionTest {
    @TempDir
    Path root;
    @TempDir
    Path bin;
    private BashCompletion bash;

    /** The words typed before an option of each verb, and the verb's picocli model. */
    private record Place(String topic, List<String> before, CommandSpec spec) {
    }

    @BeforeEach
    void stacks() throws Exception {
        StackFolder folder = new StackFolder(root);
        folder.stackWithoutDatabase("news");
        folder.env("news", "DB_NAME=newsdb\n");
        bash = BashCompletion.install(bin, root);
    }

    private static List<Place> places() {
        List<Place> places = new ArrayList<>();
        places.add(new Place("kompose", List.of(), KomposeCommand.optionsSpec()));
        for (CommandModel.Verb verb : CommandModel.verbs()) {
            if (verb.hidden()) {
                continue;
            }
            if (verb.worksOnStacks()) {
                places.add(new Place(verb.name(), List.of("news", verb.name()), verb.spec()));
            }
            if (verb.standsAlone()) {
                places.add(new Place(verb.name(), List.of(verb.name()), verb.spec()));
            }
        }
        places.add(new Place("up", List.of("news", "up"), CommandModel.compose().spec()));
        return places;
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                names.addAll(List.of(option.names()));
            }
        }
        return names;
    }

    @Test
    void theModelHasTheVerbsAndOptionsTheIssueNames() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        places().forEach(place -> options.put(place.topic() + " " + place.before().size(), optionNames(place.spec())));
        assertTrue(options.get("db:export 2").containsAll(List.of("--format", "--wait", "--dry-run")), options.toString());
        assertTrue(options.get("db:import 2").containsAll(List.of("--jobs", "--keep-previous", "--wait", "--dry-run")), options.toString());
        assertTrue(options.get("db:cleanup 2").containsAll(List.of("--keep", "--wait")), options.toString());
        assertTrue(options.get("kompose 0").containsAll(List.of("--progress", "--root", "--env", "--step")), options.toString());
        assertTrue(options.keySet().containsAll(List.of("journal 1", "journal 2", "list 1", "shell 1", "completion 1")),
                options.keySet().toString());
    }

    @Test
    void theShellOffersEveryOptionOfEveryVerbAtTab() {
        Session session = new Session(Map.of("HOME", root.toString()), new ZtProcessRunner(), Clock.systemDefaultZone(),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        ShellCompleter completer = new ShellCompleter(new CommandCompletion(new CompletionSource(() -> root, Map.of())),
                () -> session.settings().overrides().keySet());
        for (Place place : places()) {
            List<String> offered = completer.candidates(place.before(), "-").stream().map(Candidate::value).toList();
            assertTrue(offered.containsAll(optionNames(place.spec())), place + " offered " + offered);
        }
    }

    @Test
    void theBashScriptOffersEveryOptionOfEveryVerbInARealBash() throws Exception {
        for (Place place : places()) {
            String line = "kompose -C " + root + " " + String.join(" ", place.before()) + (place.before().isEmpty() ? "" : " ") + "-";
            List<String> offered = bash.complete(line).candidates();
            assertTrue(offered.containsAll(optionNames(place.spec())), line + " offered " + offered);
        }
    }

    @Test
    void helpVerbListsEveryOptionOfTheVerb() {
        for (Place place : places()) {
            StringWriter text = new StringWriter();
            Session session = new Session(Map.of("HOME", root.toString()), new ZtProcessRunner(), Clock.systemDefaultZone(),
                    new PrintWriter(text), new PrintWriter(text));
            int status = new ShellInterpreter(session, question -> null, List::of).execute(List.of("help", place.topic()));
            assertEquals(0, status, text.toString());
            for (String option : optionNames(place.spec())) {
                assertTrue(text.toString().contains(option), "help " + place.topic() + " lacks " + option + ":\n" + text);
            }
        }
    }
}
