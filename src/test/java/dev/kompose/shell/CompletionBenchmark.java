package dev.kompose.shell;

import dev.kompose.cli.Session;
import dev.kompose.exec.ZtProcessRunner;
import dev.kompose.testing.StackFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.terminal.impl.DumbTerminal;

/**
 * TAB completion over many stacks: builds a root with N stacks (default 1000; one with 20 dumps
 * and hooks) and times the shell's completer as the line reader calls it, from a cold start and
 * then repeated. Run: bench/completion.sh [STACKS] [RUNS].
 */
public final class CompletionBenchmark {
    private CompletionBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int stackCount = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1000;
        int runs = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 25;
        Path root = Files.createTempDirectory("kompose-completion-bench-");
        StackFolder folder = new StackFolder(root);
        for (int index = 0; index < stackCount; index++) {
            folder.stackWithoutDatabase(String.format("stack%04d", index));
        }
        folder.env("stack0500", "DB_NAME=appdb\n");
        folder.hooks("stack0500", "hook_pre_db_export() {\n  :\n}\n");
        for (int day = 1; day <= 20; day++) {
            Files.writeString(root.resolve("stack0500").resolve(String.format("appdb_202510%02d_120000.sql", day)), "x");
        }
        StringWriter ignored = new StringWriter();
        Session session = new Session(Map.of("HOME", root.toString()), new ZtProcessRunner(), Clock.systemDefaultZone(),
                new PrintWriter(ignored), new PrintWriter(ignored));
        session = session.with(session.settings().withRoot(root));
        KomposeShell shell = new KomposeShell(session);
        try (DumbTerminal terminal = new DumbTerminal("bench", "ansi", new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.ByteArrayOutputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            LineReader reader = shell.lineReader(terminal);
            System.out.printf("%d stacks under %s; %d runs each (milliseconds)%n", stackCount, root, runs);
            for (String line : List.of("", "stack05", "stack0001,stack05", "stack0500 db:import ", "stack0500 hooks ", "-e ")) {
                time(reader, line, runs);
            }
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static void time(LineReader reader, String line, int runs) {
        ParsedLine parsed = reader.getParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Double> times = new ArrayList<>();
        int offered = 0;
        for (int run = 0; run < runs; run++) {
            List<Candidate> candidates = new ArrayList<>();
            long start = System.nanoTime();
            ((org.jline.reader.impl.LineReaderImpl) reader).getCompleter().complete(reader, parsed, candidates);
            times.add((System.nanoTime() - start) / 1_000_000.0);
            offered = candidates.size();
        }
        double first = times.get(0);
        Collections.sort(times);
        System.out.printf("  %-24s first %7.2f  median %6.2f  max %6.2f  (%d candidates)%n", "\"" + line + "\"", first,
                times.get(times.size() / 2), times.get(times.size() - 1), offered);
    }
}
