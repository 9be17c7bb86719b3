package dev.kompose.db;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How far a process (or, when it has none open, one of its children: gzip under the bash of a
 * gzip pipeline) has read into a file, from Linux's /proc/PID/fdinfo; 0 when it cannot be told.
 */
final class FileReadPosition {
    private FileReadPosition() {
    }

    static long of(long processId, Path file) {
        if (processId <= 0) {
            return 0;
        }
        long own = ofOne(processId, file);
        if (own > 0) {
            return own;
        }
        return ProcessHandle.of(processId).map(process -> process.descendants()
                .mapToLong(child -> ofOne(child.pid(), file)).max().orElse(0)).orElse(0L);
    }

    private static long ofOne(long processId, Path file) {
        Path descriptors = Path.of("/proc", Long.toString(processId), "fd");
        Path target = file.toAbsolutePath().normalize();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(descriptors)) {
            for (Path descriptor : entries) {
                try {
                    if (Files.readSymbolicLink(descriptor).equals(target)) {
                        return position(Path.of("/proc", Long.toString(processId), "fdinfo",
                                descriptor.getFileName().toString()));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away between listing and reading: try the next one
                }
            }
        } catch (IOException | SecurityException notReadable) {
            return 0;
        }
        return 0;
    }

    private static long position(Path fdinfo) throws IOException {
        for (String line : Files.readAllLines(fdinfo)) {
            if (line.startsWith("pos:")) {
                return Long.parseLong(line.substring(4).trim());
            }
        }
        return 0;
    }
}
