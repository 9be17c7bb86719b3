package dev.kompose.safety;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Properties;

/**
 * Who holds (or held) a stack's lock: written into the lock file as properties so that a second
 * kompose can say who is in the way, and so that a body left by a killed process is recognised.
 *
 * @param processId the kompose process
 * @param user the operating-system user running it
 * @param host the machine it runs on
 * @param command what it is doing ("db:import news_20251011_005049.sql")
 * @param since when it took the lock
 */
public record LockOwner(long processId, String user, String host, String command, Instant since) {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** This process, about to run command. */
    public static LockOwner current(String command, Instant now) {
        return new LockOwner(ProcessHandle.current().pid(), System.getProperty("user.name", "unknown"), hostName(),
                command, now);
    }

    /** The machine's host name, read without a network lookup. */
    public static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException unreadable) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null ? "unknown" : fromEnvironment;
        }
    }

    public String toText() {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(processId));
        properties.setProperty("user", user);
        properties.setProperty("host", host);
        properties.setProperty("command", command);
        properties.setProperty("since", since.toString());
        StringBuilder text = new StringBuilder("# kompose per-stack lock: the operation running on this stack\n");
        properties.stringPropertyNames().stream().sorted().forEach(name -> text.append(name).append('=')
                .append(escape(properties.getProperty(name))).append('\n'));
        return text.toString();
    }

    /** Reads a lock body; empty when there is none or it is not one of ours. */
    public static Optional<LockOwner> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
            return Optional.of(new LockOwner(Long.parseLong(properties.getProperty("pid", "-1").strip()),
                    properties.getProperty("user", "unknown"), properties.getProperty("host", "unknown"),
                    properties.getProperty("command", "unknown"),
                    Instant.parse(properties.getProperty("since", Instant.EPOCH.toString()).strip())));
        } catch (IOException | RuntimeException notOurs) {
            return Optional.empty();
        }
    }

    /** True when this owner ran on this machine and its process is gone. */
    public boolean isDeadHere() {
        return host.equals(hostName()) && ProcessHandle.of(processId).map(handle -> !handle.isAlive()).orElse(true);
    }

    /** "pid 4711 (alice@db1, db:import, since 2026-11-26 01:40:03)". */
    public String describe() {
        return "pid " + processId + " (" + user + "@" + host + ", " + command + ", since " + SHOWN.format(since) + ")";
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char character : value.toCharArray()) {
            switch (character) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(character < 0x20 ? ' ' : character);
            }
        }
        return escaped.toString();
    }
}
