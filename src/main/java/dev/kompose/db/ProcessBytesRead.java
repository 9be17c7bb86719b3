package dev.kompose.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes a process and its children have read so far (files and sockets alike), from Linux's
 * /proc/PID/io "rchar"; 0 when it cannot be told. pg_dump reads the database's rows as text over
 * its connection whatever format it writes, so this follows a compressed export against the
 * plain-size estimate; pg_restore's workers read the archive, so their sum follows a parallel
 * restore against the archive's size.
 */
final class ProcessBytesRead {
    private ProcessBytesRead() {
    }

    static long of(long processId) {
        if (processId <= 0) {
            return 0;
        }
        long total = read(processId);
        total += ProcessHandle.of(processId).map(process -> process.descendants()
                .mapToLong(child -> read(child.pid())).sum()).orElse(0L);
        return total;
    }

    private static long read(long processId) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(processId), "io"))) {
                if (line.startsWith("rchar:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | SecurityException | NumberFormatException gone) {
            return 0;
        }
        return 0;
    }
}
