package dev.kompose.db;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Whether a gzip-compressed plain dump is complete, like {@code gzip -t} plus the plain check:
 * the whole file is decompressed (Java verifies each member's CRC and length at its end, so a
 * truncated or corrupt file fails) and the last 4 KB of SQL must hold pg_dump's closing line.
 * Deflate cannot be read from the middle, so this reads the whole file, at the speed of zlib.
 */
final class GzipDumpCheck {
    private static final int TAIL_BYTES = 4096;

    private GzipDumpCheck() {
    }

    static Optional<String> problem(Path file) {
        String name = file.getFileName().toString();
        byte[] buffer = new byte[1 << 16];
        byte[] tail = new byte[TAIL_BYTES];
        int tailLength = 0;
        try (InputStream input = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            int read;
            while ((read = input.read(buffer)) > 0) {
                if (read >= TAIL_BYTES) {
                    System.arraycopy(buffer, read - TAIL_BYTES, tail, 0, TAIL_BYTES);
                    tailLength = TAIL_BYTES;
                } else {
                    int keep = Math.min(tailLength, TAIL_BYTES - read);
                    System.arraycopy(tail, tailLength - keep, tail, 0, keep);
                    System.arraycopy(buffer, 0, tail, keep, read);
                    tailLength = keep + read;
                }
            }
        } catch (EOFException truncated) {
            return Optional.of(name + " is truncated (its gzip stream ends early: pg_dump did not finish or the copy was cut)");
        } catch (ZipException corrupt) {
            return Optional.of(name + " is not a valid gzip file (" + corrupt.getMessage() + ")");
        } catch (IOException unreadable) {
            return Optional.of(name + " cannot be read: " + unreadable.getClass().getSimpleName());
        }
        if (!new String(tail, 0, tailLength, StandardCharsets.UTF_8).contains(DumpFiles.COMPLETE_MARKER)) {
            return Optional.of(name + " is not a complete pg_dump file (its closing line \"" + DumpFiles.COMPLETE_MARKER
                    + "\" is missing)");
        }
        return Optional.empty();
    }
}
