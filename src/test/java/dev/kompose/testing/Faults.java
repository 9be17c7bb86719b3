package dev.kompose.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Fault injection for tests: signals by pid, processes found through /proc, waiting for a condition. */
public final class Faults {
    private Faults() {
    }

    /** Waits until condition holds; fails the test with what after timeout. */
    public static void waitUntil(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Sends a signal ("INT", "TERM", "HUP", "KILL") with kill -s. */
    public static void signal(long pid, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid)).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -s " + name + " " + pid + " failed");
        }
    }

    /** The argument vector of a process from /proc, or empty when it is gone. */
    public static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> words = new ArrayList<>();
            for (String word : new String(raw, StandardCharsets.UTF_8).split("\0")) {
                words.add(word);
            }
            return words;
        } catch (IOException gone) {
            return List.of();
        }
    }

    /** A live descendant of root whose program (argv[0], base name) is program. */
    public static Optional<ProcessHandle> descendant(ProcessHandle root, String program) {
        return root.descendants().filter(ProcessHandle::isAlive).filter(handle -> {
            List<String> words = commandLine(handle.pid());
            return !words.isEmpty() && Path.of(words.get(0)).getFileName().toString().equals(program);
        }).findFirst();
    }

    /** Live processes anywhere whose arguments include marker (a unique sleep length, say); zombies excluded. */
    public static List<Long> processesWithArgument(String marker) {
        List<Long> found = new ArrayList<>();
        ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).forEach(handle -> {
            if (commandLine(handle.pid()).contains(marker) && !isZombie(handle.pid())) {
                found.add(handle.pid());
            }
        });
        return found;
    }

    private static boolean isZombie(long pid) {
        try {
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            return status.contains("State:\tZ");
        } catch (IOException gone) {
            return true;
        }
    }

    /** Reads a whole stream in the background (so a child never blocks on a full pipe). */
    public static java.util.concurrent.CompletableFuture<String> drain(java.io.InputStream stream) {
        return KomposeProcess.read(stream);
    }

    /** Files in folder whose names end with suffix. */
    public static List<Path> filesEndingWith(Path folder, String suffix) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(suffix)).toList();
        }
    }
}
