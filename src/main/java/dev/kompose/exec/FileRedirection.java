package dev.kompose.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Connects a child's standard input or output straight to a file, the way a shell's {@code <} and
 * {@code >} do, so a dump streaming out of {@code docker compose exec} (or a restore streaming in)
 * never passes through a copy loop in the JVM. zt-exec offers only stream pumps for this, so the
 * child is started through a one-line bash that opens the files and then becomes the command
 * ({@code exec}): the process id, process group and file descriptors are the command's own, and a
 * sampler can read how far it got in /proc. File names reach bash as positional parameters, never
 * as script text.
 */
final class FileRedirection {
    private FileRedirection() {
    }

    /** True when the command reads a real file or writes its output to one. */
    static boolean needed(CommandSpec command) {
        return command.standardOutput() != null
                || (command.standardInput() != null && !command.standardInput().toString().equals("/dev/null"));
    }

    /** bash -c 'exec "${@:3}" <"$1" >"$2"' kompose-io IN OUT ARGV... (without the output part when it has none). */
    static List<String> wrap(CommandSpec command) {
        Path input = command.standardInput() == null ? Path.of("/dev/null") : command.standardInput();
        List<String> argv = new ArrayList<>(List.of("bash", "-c"));
        if (command.standardOutput() == null) {
            argv.add("exec \"${@:2}\" <\"$1\"");
            argv.add("kompose-io");
            argv.add(input.toString());
        } else {
            argv.add("exec \"${@:3}\" <\"$1\" >\"$2\"");
            argv.add("kompose-io");
            argv.add(input.toString());
            argv.add(command.standardOutput().toString());
        }
        argv.addAll(command.arguments());
        return argv;
    }
}
