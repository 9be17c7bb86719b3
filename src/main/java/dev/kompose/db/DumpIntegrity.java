package dev.kompose.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an import checks before it touches anything: the file is a plain pg_dump (its header),
 * finished (its closing line), and not named as a dump of another database.
 */
public final class DumpIntegrity {
    static final String HEADER = "-- PostgreSQL database dump";
    private static final int HEAD_BYTES = 4096;
    private static final Pattern DUMP_NAME = Pattern.compile("(.+)_\\d{8}_\\d{6}(?:-\\d{1,4})?\\.(?:sql|sql\\.gz|dump)");

    private DumpIntegrity() {
    }

    /** Why file cannot be restored into database, or empty when it can. */
    public static Optional<String> problem(Path file, String database) {
        Optional<String> incomplete = DumpFiles.completenessProblem(file);
        return incomplete.isPresent() ? incomplete : soundnessProblem(file, database);
    }

    /** What is wrong with a complete file besides completeness: its header (first 4 KB), its name. */
    static Optional<String> soundnessProblem(Path file, String database) {
        try (InputStream input = Files.newInputStream(file)) {
            byte[] bytes = input.readNBytes(HEAD_BYTES);
            String head = new String(bytes, StandardCharsets.UTF_8);
            boolean otherFormat = head.startsWith("PGDMP") || (bytes.length > 1 && bytes[0] == 0x1f && bytes[1] == (byte) 0x8b);
            // custom-format and gzip dumps are judged by DumpFiles.completenessProblem (pg_restore --list and the like)
            if (!otherFormat && !head.startsWith("--\n" + HEADER + "\n")) {
                return Optional.of(file.getFileName() + " does not start like a pg_dump file (no \"" + HEADER
                        + "\" header first): not a dump");
            }
        } catch (IOException unreadable) {
            return Optional.of(file + " cannot be read: " + unreadable.getClass().getSimpleName());
        }
        Matcher name = DUMP_NAME.matcher(file.getFileName().toString());
        if (name.matches() && !name.group(1).equals(database)) {
            return Optional.of(file.getFileName() + " is named as a dump of database " + name.group(1) + ", not of "
                    + database + "; copy it to a name without the other database's name if you mean it");
        }
        return Optional.empty();
    }
}
