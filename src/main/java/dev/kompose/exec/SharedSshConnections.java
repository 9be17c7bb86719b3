package dev.kompose.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One SSH connection per host for a whole run, shared by every docker child (compose, hooks,
 * database tools run through compose). The docker CLI and Compose v2 reach an {@code ssh://}
 * engine by running {@code ssh ... HOST docker system dial-stdio} with the {@code ssh} found on
 * PATH, one connection per call, and take no ssh options of their own. So this runner puts a
 * folder of its own first on every child's PATH; the {@code ssh} there adds
 * {@code ControlMaster=auto}, a ControlPath in that folder and ControlPersist to docker's
 * dial-stdio calls only (every other ssh call runs untouched) and then runs the real ssh, whose
 * own configuration (~/.ssh/config: users, ports, keys, aliases) still applies. The folder is
 * private to the run (0700, under XDG_RUNTIME_DIR, else /tmp), so two runs never close each
 * other's connections; {@link #close()} ends every master ({@code ssh -O exit}) and deletes it.
 */
public final class SharedSshConnections implements ProcessRunner, AutoCloseable {
    /** How long an idle master outlives its last client: a safety net should the run die without closing it. */
    static final Duration PERSIST = Duration.ofMinutes(2);
    private final ProcessRunner delegate;
    private final Path folder;
    private final String realSsh;
    private final String inheritedPath;

    private SharedSshConnections(ProcessRunner delegate, Path folder, String realSsh, String inheritedPath) {
        this.delegate = delegate;
        this.folder = folder;
        this.realSsh = realSsh;
        this.inheritedPath = inheritedPath;
    }

    /**
     * Sets up the run's folder and its ssh; empty when there is no ssh on PATH (docker then fails
     * by itself, naming ssh) or no private folder can be made.
     */
    public static Optional<SharedSshConnections> open(ProcessRunner delegate, Map<String, String> processEnvironment) {
        String path = processEnvironment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        Optional<Path> ssh = findOnPath("ssh", path);
        if (ssh.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path folder = Files.createTempDirectory(runtimeFolder(processEnvironment), "kompose-ssh-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path wrapper = folder.resolve("ssh");
            Files.writeString(wrapper, script(ssh.get().toString(), folder), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
            return Optional.of(new SharedSshConnections(delegate, folder, ssh.get().toString(), path));
        } catch (IOException | UnsupportedOperationException cannotWrite) {
            return Optional.empty();
        }
    }

    /** The folder holding the wrapper and the control sockets. */
    public Path folder() {
        return folder;
    }

    @Override
    public ExecutionResult run(CommandSpec command, ProcessObserver observer, Cancellation cancellation) {
        return delegate.run(throughSharedConnection(command), observer, cancellation);
    }

    @Override
    public HeldProcess start(CommandSpec command, ProcessObserver observer, Cancellation cancellation) {
        return delegate.start(throughSharedConnection(command), observer, cancellation);
    }

    /** The command with the wrapper's folder first on its PATH, so its docker reaches the engine through the shared connection. */
    private CommandSpec throughSharedConnection(CommandSpec command) {
        String childPath = command.environment().getOrDefault("PATH", inheritedPath);
        return command.withEnvironment(withPath(command.environment(), folder + ":" + childPath));
    }

    /** Ends every master connection of the run ({@code ssh -O exit}) and deletes the folder. */
    @Override
    public void close() {
        for (Path socket : sockets()) {
            delegate.run(CommandSpec.of(realSsh, "-F", "/dev/null", "-o", "ControlPath=" + socket, "-O", "exit", "kompose")
                    .workingDirectory(folder).standardInput(Path.of("/dev/null")).timeout(Duration.ofSeconds(10)).build(),
                    ProcessObserver.IGNORE, Cancellation.none());
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException leftBehind) {
            // a private folder in the runtime folder; the system clears it
        }
    }

    /** The control sockets of the run's masters (the files other than the wrapper). */
    List<Path> sockets() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> !file.getFileName().toString().equals("ssh")).sorted().toList();
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    static String script(String realSsh, Path folder) {
        String quotedSsh = ShellQuoting.quote(realSsh);
        return "#!/bin/sh\n"
                + "# kompose: docker's ssh connections of one run share one connection per host (ControlMaster);\n"
                + "# any other ssh call runs as it would without kompose. Deleted at the end of the run.\n"
                + "for last; do :; done\n"
                + "if [ \"$last\" = dial-stdio ]; then\n"
                + "  exec " + quotedSsh + " -o ControlMaster=auto -o " + ShellQuoting.quote("ControlPath=" + folder + "/%C")
                + " -o ControlPersist=" + PERSIST.toSeconds() + " \"$@\"\n"
                + "fi\n"
                + "exec " + quotedSsh + " \"$@\"\n";
    }

    private static Map<String, String> withPath(Map<String, String> environment, String path) {
        Map<String, String> changed = new java.util.LinkedHashMap<>(environment);
        changed.put("PATH", path);
        return changed;
    }

    private static Path runtimeFolder(Map<String, String> environment) {
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime)) && Files.isWritable(Path.of(runtime))) {
            return Path.of(runtime);
        }
        return Path.of(System.getProperty("java.io.tmpdir", "/tmp"));
    }

    static Optional<Path> findOnPath(String program, String path) {
        for (String entry : path.split(":")) {
            if (entry.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(entry, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
