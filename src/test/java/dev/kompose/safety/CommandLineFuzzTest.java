package dev.kompose.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kompose.cli.KomposeCommand;
import dev.kompose.cli.Session;
import dev.kompose.cli.UsageException;
import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.exec.ProcessRunner;
import dev.kompose.stack.Stack;
import dev.kompose.stack.StackPattern;
import dev.kompose.testing.StackFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Hostile command lines and patterns, generated (seeded, a few thousand) and by hand, run
 * in-process through picocli and Operations with a recording ProcessRunner: every case ends with
 * exit 0, 1 or 2 and a readable message, never an internal error or a stack trace, and hostile
 * text reaches a child only as one argv word, never inside a shell script.
 */
class CommandLineFuzzTest {
    static final List<String> HOSTILE = List.of("$(touch /tmp/kompose-canary)", "`touch /tmp/kompose-canary`",
            "'; rm -rf / #", "\"quoted\"", "a\nb", "tab\there", "nul\u0000byte", "ünïcödé 🙂", "x".repeat(10_000),
            "name with spaces", "--", "-", "--dry-run", "--wait", "--keep", "-5", "--keep=-1", "--keep=x", "=", "A=",
            "=v", "\\", "*", "?", "[", "{a,b", "a,,b", ",", " ", "", "../..", "/etc/passwd", "${HOME}", "$DB_PASSWORD",
            "%s%n", "\u202e", "\r", "db:", "db:nothing", "journal", "-e", "--root", "--hook-timeout", "0s", "-1s",
            "99999999999999999999h", "app", "web", "my stack", "db:export", "db:import", "db:cleanup", "db:list",
            "hooks", "ps", "up", "-d", "exec", "--network", "-C", "-n", "-y", "--no-color", "-l", "--list",
            "--keep-previous", "--stack", "--last", "x=$(id)");
    private static final List<String> OPTIONS = List.of("-n", "--dry-run", "-y", "--no-color", "-e", "--network",
            "--hook-timeout", "-C", "-l", "--bogus");
    private static final List<String> COMMANDS = List.of("db:export", "db:import", "db:cleanup", "db:list", "hooks",
            "ps", "up", "exec", "logs", "db:bogus", "journal");

    @TempDir
    Path root;
    private final List<CommandSpec> started = new CopyOnWriteArrayList<>();
    private Map<String, String> environment;

    @BeforeEach
    void stacks() throws Exception {
        StackFolder folder = new StackFolder(root);
        folder.plainStack("app");
        folder.env("app", "DB_HOST=127.0.0.1\nDB_PORT=1\nDB_USER=u\nDB_PASSWORD=fuzz-secret-991\nDB_NAME=app\n"
                + "EVIL=$(touch /tmp/kompose-canary)\n");
        folder.hooks("app", "hook_pre_up() { echo \"$@\"; }\nhook_pre_db_export() { :; }\n");
        folder.stackWithoutDatabase("web");
        folder.stackWithoutDatabase("my stack");
        Files.writeString(root.resolve("app").resolve("app_20250101_000000.sql"),
                "--\n-- PostgreSQL database dump\n--\n-- PostgreSQL database dump complete\n");
        environment = Map.of("KOMPOSE_ROOT", root.toString(), "KOMPOSE_COMPOSE", "docker compose",
                "KOMPOSE_JOURNAL", root.resolve("journal.jsonl").toString(), "HOME", root.toString());
    }

    /** What one in-process run produced. */
    record Outcome(int exitCode, String out, String err, Throwable internalError) {
    }

    private Outcome run(List<String> arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ProcessRunner recorder = (command, observer, cancellation) -> {
            started.add(command);
            observer.started(-1);
            return new ExecutionResult(0, false, false, null, Duration.ZERO);
        };
        Session session = new Session(environment, recorder, Clock.systemDefaultZone(), new PrintWriter(out, true),
                new PrintWriter(err, true));
        Throwable[] internal = new Throwable[1];
        KomposeCommand command = new KomposeCommand(session, question -> null);
        CommandLine line = new CommandLine(command.spec()).setStopAtPositional(true)
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler((failure, commandLine, parsed) -> {
                    if (failure instanceof UsageException usage) {
                        commandLine.getErr().println("kompose: " + usage.getMessage());
                        return 2;
                    }
                    internal[0] = failure;
                    return 1;
                })
                .setParameterExceptionHandler((failure, given) -> {
                    failure.getCommandLine().getErr().println("kompose: " + failure.getMessage());
                    return 2;
                });
        int exit;
        try {
            exit = line.execute(arguments.toArray(String[]::new));
        } catch (RuntimeException | StackOverflowError escaped) {
            return new Outcome(-1, out.toString(), err.toString(), escaped);
        }
        return new Outcome(exit, out.toString(), err.toString(), internal[0]);
    }

    private void check(List<String> arguments, Outcome outcome) {
        String shown = "kompose " + arguments.stream().map(word -> word.length() > 40 ? word.substring(0, 40) + "…" : word)
                .map(word -> "[" + word + "]").toList() + "\n" + outcome.out() + outcome.err();
        if (outcome.internalError() != null) {
            StringWriter trace = new StringWriter();
            outcome.internalError().printStackTrace(new PrintWriter(trace));
            fail("internal error for " + shown + "\n" + trace);
        }
        assertTrue(List.of(0, 1, 2).contains(outcome.exitCode()), "exit " + outcome.exitCode() + " for " + shown);
        String all = outcome.out() + outcome.err();
        assertFalse(all.contains("\tat ") || all.contains("Exception"), "a stack trace or exception name: " + shown);
        if (outcome.exitCode() == 2) {
            assertFalse(outcome.err().strip().contains("\n^"), "a one-line message, not a regex caret: " + shown);
        }
        assertFalse(all.contains("fuzz-secret-991"), "the password leaked: " + shown);
        if (outcome.exitCode() == 2) {
            assertTrue(outcome.err().startsWith("kompose: ") || outcome.err().contains("\nkompose: ")
                    || outcome.err().contains("Usage"), "a usage error says why: " + shown);
        }
        for (CommandSpec spec : started) {
            List<String> argv = spec.arguments();
            int shellScript = argv.indexOf("-c");
            if (shellScript > 0 && List.of("bash", "sh").contains(argv.get(0))) {
                assertEquals(hookRunner(), argv.get(shellScript + 1),
                        "the only shell script kompose runs is its fixed hook runner: " + shown);
            }
        }
        assertFalse(Files.exists(Path.of("/tmp/kompose-canary")), "something executed the canary: " + shown);
    }

    @Test
    void thousandsOfGeneratedCommandLines() {
        Random random = new Random(20261126L);
        for (int round = 0; round < 3000; round++) {
            List<String> arguments = new ArrayList<>();
            int options = random.nextInt(3);
            for (int index = 0; index < options; index++) {
                String option = pick(random, OPTIONS);
                arguments.add(option);
                if (List.of("-e", "--network", "--hook-timeout", "-C").contains(option) && random.nextInt(5) > 0) {
                    arguments.add(option.equals("-e") && random.nextBoolean() ? "X=" + pick(random, HOSTILE) : pick(random, HOSTILE));
                }
            }
            arguments.add(random.nextInt(3) == 0 ? pick(random, HOSTILE) : pick(random, List.of("app", "web", "*", "a*", "my stack")));
            if (random.nextInt(10) > 0) {
                arguments.add(random.nextInt(4) == 0 ? pick(random, HOSTILE) : pick(random, COMMANDS));
            }
            int rest = random.nextInt(4);
            for (int index = 0; index < rest; index++) {
                arguments.add(pick(random, HOSTILE));
            }
            started.clear();
            check(arguments, run(arguments));
        }
    }

    @Test
    void hostileArgumentsReachDockerComposeAsSeparateUnchangedWords() {
        List<String> given = List.of("$(touch /tmp/kompose-canary)", "`id`", "a\nb", "name with spaces", "ünï 🙂",
                "x".repeat(10_000), "'; rm -rf / #");
        List<String> arguments = new ArrayList<>(List.of("app", "exec"));
        arguments.addAll(given);
        Outcome outcome = run(arguments);
        check(arguments, outcome);
        assertEquals(0, outcome.exitCode(), outcome.out() + outcome.err());
        List<String> compose = started.stream().map(CommandSpec::arguments)
                .filter(argv -> argv.get(0).equals("docker")).findFirst().orElseThrow();
        assertEquals(given, compose.subList(compose.size() - given.size(), compose.size()));
    }

    @Test
    void nastyCasesByHandGiveAClearMessage() {
        Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("nope", "ps"), "matches no stack");
        cases.put(List.of("$(id)", "ps"), "matches no stack");
        cases.put(List.of("[", "ps"), "Invalid stack pattern \"[\": Missing ']'\n".substring(0, 30));
        cases.put(List.of("{a,b", "ps"), "\"{a\", \"b\" match no stack"); // braces are literal, the comma lists
        cases.put(List.of("[a", "ps"), "Invalid stack pattern");
        cases.put(List.of(",", "ps"), "Empty stack pattern");
        cases.put(List.of("app"), "Missing COMMAND");
        cases.put(List.of("app", "db:bogus"), "Unknown command db:bogus");
        cases.put(List.of("app", "db:cleanup", "--keep", "x"), "db:cleanup:");
        cases.put(List.of("app", "db:cleanup", "--keep=-1"), "--keep must be 0 or more");
        cases.put(List.of("app", "db:export", "--bogus"), "db:export:");
        cases.put(List.of("-e", "novalue", "app", "ps"), "KEY=VALUE");
        cases.put(List.of("--hook-timeout", "soon", "app", "ps"), "hook");
        cases.put(List.of("--hook-timeout", "0s", "app", "ps"), "more than zero");
        cases.put(List.of("-C", root.resolve("missing\nfolder").toString(), "app", "ps"), "kompose: ");
        cases.put(List.of("app", "--dry-run", "ps"), "Options go before PATTERN");
        cases.put(List.of("journal", "--last", "-3"), "--last must be 0 or more");
        cases.put(List.of("journal", "--bogus"), "kompose: journal:");
        for (Map.Entry<List<String>, String> entry : cases.entrySet()) {
            started.clear();
            Outcome outcome = run(entry.getKey());
            check(entry.getKey(), outcome);
            assertEquals(2, outcome.exitCode(), entry.getKey() + "\n" + outcome.out() + outcome.err());
            assertTrue((outcome.out() + outcome.err()).contains(entry.getValue()),
                    entry.getKey() + " should say " + entry.getValue() + ":\n" + outcome.out() + outcome.err());
            assertEquals(List.of(), started, "nothing was started for " + entry.getKey());
        }
    }

    @Test
    void generatedPatternsEitherSelectOrSayWhy() {
        List<Stack> stacks = List.of(new Stack("app", root.resolve("app"), root.resolve("app/compose.yaml")),
                new Stack("my stack", root.resolve("my stack"), root.resolve("my stack/compose.yaml")),
                new Stack("ünï", root.resolve("ünï"), root.resolve("ünï/compose.yaml")));
        Random random = new Random(4711);
        String alphabet = "ab*?[]{},!\\/- .\u0000\nüa";
        for (int round = 0; round < 5000; round++) {
            StringBuilder pattern = new StringBuilder();
            int length = random.nextInt(12);
            for (int index = 0; index < length; index++) {
                pattern.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(20) == 0) {
                pattern.append(pick(random, HOSTILE));
            }
            try {
                List<Stack> selected = StackPattern.parse(pattern.toString()).select(stacks);
                assertFalse(selected.isEmpty(), "a selection is never empty: " + pattern);
            } catch (StackPattern.PatternException why) {
                assertFalse(why.getMessage().isBlank());
            } catch (RuntimeException unexpected) {
                fail("pattern [" + pattern + "] threw " + unexpected);
            }
        }
    }

    /** HookStage's fixed bash script (hook name, file and arguments reach it as separate words). */
    private static String hookRunner() {
        try {
            java.lang.reflect.Field runner = dev.kompose.hooks.HookStage.class.getDeclaredField("RUNNER");
            runner.setAccessible(true);
            return (String) runner.get(null);
        } catch (ReflectiveOperationException missing) {
            throw new IllegalStateException(missing);
        }
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
