package dev.kompose.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a child and every process it started: TERM to the process group (when the child leads
 * one) and to each known descendant, a grace period, then KILL for whatever is left. Safe to call
 * more than once and from several threads.
 */
final class ProcessTreeTerminator {
    private final ProcessHandle root;
    private final boolean leadsProcessGroup;
    private final Duration grace;

    ProcessTreeTerminator(ProcessHandle root, boolean leadsProcessGroup, Duration grace) {
        this.root = root;
        this.leadsProcessGroup = leadsProcessGroup;
        this.grace = grace;
    }

    synchronized void terminate() {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        signalGroup("-TERM");
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : tree) {
            long remaining = deadline - System.nanoTime();
            if (remaining > 0) {
                try {
                    process.onExit().get(remaining, TimeUnit.NANOSECONDS);
                } catch (Exception stillAlive) {
                    // handled below with KILL
                }
            }
        }
        signalGroup("-KILL");
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * After the child has ended: stops whatever it left running in its process group (a hook's
     * {@code sleep &}), TERM then KILL. Returns true when something was left.
     */
    synchronized boolean endLeftovers() {
        if (!leadsProcessGroup || !groupHasMembers()) {
            return false;
        }
        signalGroup("-TERM");
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && groupHasMembers()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        signalGroup("-KILL");
        return true;
    }

    /**
     * Whether any process is still in the group the child led. Asked after every child, so it reads
     * /proc (each process's group is the fifth field of its stat, after the parenthesised name)
     * rather than starting {@code kill -0}: 2 ms instead of a process start (10–25 ms here). Where
     * there is no /proc, kill -0 answers.
     */
    private boolean groupHasMembers() {
        Path proc = Path.of("/proc");
        if (!Files.isReadable(proc.resolve("self/stat"))) {
            return signalGroup("-0");
        }
        String group = Long.toString(root.pid());
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && Character.isDigit(name.charAt(0)) && group.equals(processGroupOf(entry))) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException unreadable) {
            return signalGroup("-0");
        }
    }

    /** The process group in /proc/PID/stat, or "" when the process ended meanwhile. */
    private static String processGroupOf(Path processFolder) {
        String stat;
        try {
            stat = Files.readString(processFolder.resolve("stat"), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException ended) {
            return "";
        }
        // after the name: " state ppid pgrp ..."
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
        return fields.length > 2 ? fields[2] : "";
    }

    /** Signals the whole process group the child leads, which also reaches re-parented grandchildren; true when delivered. */
    private boolean signalGroup(String signal) {
        if (!leadsProcessGroup) {
            return false;
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, "--", "-" + root.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(2, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException | InterruptedException cannotSignal) {
            if (cannotSignal instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
