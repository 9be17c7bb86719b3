package dev.kompose;

import dev.kompose.cli.CommandLines;
import dev.kompose.cli.Interrupts;
import dev.kompose.cli.Prompter;
import dev.kompose.cli.Session;
import dev.kompose.cli.Settings;
import dev.kompose.cli.SystemClock;
import dev.kompose.exec.ZtProcessRunner;
import dev.kompose.shell.KomposeShell;
import dev.kompose.shell.LinePrompter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Wires kompose together and maps every outcome to an exit status; no stack trace reaches the operator. */
public final class Main {
    private Main() {
    }

    static {
        // picocli looks for Groovy's Closure class when it first loads (Class.forName): with every class in
        // the start-up archive, that miss is what opens the jar, ≈ 4 ms at every start; kompose has no Groovy
        System.setProperty("picocli.disable.closures", "true");
        // picocli registers a converter for each java.time and java.sql type when a command line is built,
        // through Class.forName, which initialises them: the java.time parsers' formatters alone are ≈ 5 ms
        // of every start. kompose's only such options (durations) bring their own converter, so these
        // built-in ones are left out (picocli's documented picocli.converters.excludes, regular expressions)
        System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
    }

    public static void main(String[] args) {
        Interrupts.install(System.err);
        int status = run(args, System.getenv());
        if (status != 0 || anotherThreadWouldKeepTheJvm()) {
            System.exit(status);
        }
        // status 0: returning ends the JVM as System.exit(0) would (shutdown hooks included), without the
        // logger lookup Runtime.exit makes to log the call — a ServiceLoader scan of the class path, which
        // opens the jar: ≈ 13 ms of a 35 ms hello here
    }

    /** A live thread, other than this one, that is not a daemon: the JVM would wait for it at the end of main. */
    static boolean anotherThreadWouldKeepTheJvm() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int index = 0; index < count; index++) {
            Thread thread = threads[index];
            if (thread != Thread.currentThread() && thread.isAlive() && !thread.isDaemon()) {
                return true;
            }
        }
        return count == threads.length; // more threads than counted: be safe
    }

    static int run(String[] args, Map<String, String> environment) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Console console = System.console();
        boolean colour = console != null && !environment.containsKey("NO_COLOR") && !"dumb".equals(environment.get("TERM"));
        Session session = new Session(environment, new ZtProcessRunner(), new SystemClock(), out, err,
                KomposeShell::run, Settings.initial(environment, console != null, colour));
        Prompter prompter = console != null ? question -> {
            out.print(question);
            out.flush();
            return console.readLine();
        } : new LinePrompter(out, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        try {
            return commandLine(session, prompter).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The kompose command line for one session (the shell builds one per line through the same method). */
    public static CommandLine commandLine(Session session, Prompter prompter) {
        return CommandLines.create(session, prompter);
    }
}
