package dev.kompose.db;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Naming, finding and checking dump files. Only files named exactly as kompose names them count
 * as dumps: a hand-named backup such as {@code app_before_upgrade.sql} is never listed, imported
 * by default or cleaned up, and a file still being written carries a {@code .kompose-partial}
 * suffix that no reader takes for a dump.
 */
public final class DumpFiles {
    public static final String PARTIAL_SUFFIX = ".kompose-partial";
    /** pg_dump writes this line at the end of a plain-format dump it finished. */
    static final String COMPLETE_MARKER = "-- PostgreSQL database dump complete";
    private static final int TAIL_BYTES = 4096;

    private DumpFiles() {
    }

    /** The name of a plain-SQL dump of database made at timestamp; sequence 1 gives the plain name. */
    public static String fileName(String database, LocalDateTime timestamp, int sequence) {
        return fileName(database, timestamp, sequence, DumpFormat.PLAIN);
    }

    /** The name of a dump in format: {@code .sql}, {@code .sql.gz} or {@code .dump}. */
    public static String fileName(String database, LocalDateTime timestamp, int sequence, DumpFormat format) {
        return database + "_" + timestamp(timestamp) + (sequence > 1 ? "-" + sequence : "") + format.extension();
    }

    /**
     * YYYYmmdd_HHMMSS, as the original script's {@code date +%Y%m%d_%H%M%S}. Written out rather than
     * with a DateTimeFormatter or String.format: building either from a pattern costs a cold JVM
     * milliseconds, and every listing of dumps would pay it.
     */
    public static String timestamp(LocalDateTime time) {
        String year = Integer.toString(time.getYear());
        return "0".repeat(Math.max(0, 4 - year.length())) + year + twoDigits(time.getMonthValue())
                + twoDigits(time.getDayOfMonth()) + "_" + twoDigits(time.getHour()) + twoDigits(time.getMinute())
                + twoDigits(time.getSecond());
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /**
     * DATABASE_YYYYMMDD_HHMMSS[-N].sql|.sql.gz|.dump, compiled once: the part after the database
     * name is anchored at the end, so a name splits one way only, and group 1 must be the database.
     */
    private static final Pattern DUMP_NAME =
            Pattern.compile("(.+)_(\\d{8}_\\d{6})(?:-(\\d{1,4}))?(?:\\.sql|\\.sql\\.gz|\\.dump)");

    /** The database's dumps in folder, newest first. A missing folder has none. */
    public static List<DumpFile> list(Path folder, String database) throws IOException {
        List<DumpFile> dumps = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Matcher matcher = DUMP_NAME.matcher(entry.getFileName().toString());
                if (matcher.matches() && matcher.group(1).equals(database) && Files.isRegularFile(entry)) {
                    parse(matcher).ifPresent(timestamp -> dumps.add(new DumpFile(entry, timestamp,
                            matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3)), sizeOf(entry))));
                }
            }
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException noFolder) {
            return dumps;
        }
        dumps.sort(DumpFiles::newestFirst);
        return dumps;
    }

    /**
     * Newest first: later timestamp, then higher sequence. Written out: Comparator.comparing's
     * lambdas are the JDK's, which the start-up archive does not hold (linking them cost ~3 ms).
     */
    private static int newestFirst(DumpFile left, DumpFile right) {
        int byTime = right.timestamp().compareTo(left.timestamp());
        return byTime != 0 ? byTime : Integer.compare(right.sequence(), left.sequence());
    }

    private static Optional<LocalDateTime> parse(Matcher matcher) {
        try {
            String digits = matcher.group(2); // YYYYmmdd_HHMMSS, checked by the pattern
            return Optional.of(LocalDateTime.of(Integer.parseInt(digits, 0, 4, 10), Integer.parseInt(digits, 4, 6, 10),
                    Integer.parseInt(digits, 6, 8, 10), Integer.parseInt(digits, 9, 11, 10), Integer.parseInt(digits, 11, 13, 10),
                    Integer.parseInt(digits, 13, 15, 10)));
        } catch (java.time.DateTimeException notADate) {
            return Optional.empty();
        }
    }

    /** The database's dumps in folder, newest first; none when the folder cannot be read. */
    public static List<DumpFile> listOrEmpty(Path folder, String database) {
        try {
            return list(folder, database);
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    /** A file's size, 0 while it does not exist (yet). */
    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException vanished) {
            return 0;
        }
    }

    /** The newest dump that pg_dump finished writing. */
    public static Optional<DumpFile> newestComplete(List<DumpFile> newestFirst) {
        return newestFirst.stream().filter(dump -> isComplete(dump.path())).findFirst();
    }

    /** True when pg_dump finished writing the file (in any of the three formats). */
    public static boolean isComplete(Path file) {
        return completenessProblem(file).isEmpty();
    }

    /** Why the file is not a complete dump (plain, gzip or custom, told by its first bytes), or empty when it is. */
    public static Optional<String> completenessProblem(Path file) {
        if (!Files.exists(file)) {
            return Optional.of(file + " does not exist");
        }
        return switch (DumpFormat.detect(file)) {
            case GZIP -> GzipDumpCheck.problem(file);
            case CUSTOM -> CustomArchiveCheck.problem(file);
            case PLAIN -> plainProblem(file);
        };
    }

    private static Optional<String> plainProblem(Path file) {
        try (RandomAccessFile input = new RandomAccessFile(file.toFile(), "r")) {
            long length = input.length();
            if (length == 0) {
                return Optional.of(file.getFileName() + " is empty");
            }
            int tailLength = (int) Math.min(TAIL_BYTES, length);
            byte[] tail = new byte[tailLength];
            input.seek(length - tailLength);
            input.readFully(tail);
            if (!new String(tail, StandardCharsets.UTF_8).contains(COMPLETE_MARKER)) {
                return Optional.of(file.getFileName() + " is not a complete pg_dump file (its closing line \""
                        + COMPLETE_MARKER + "\" is missing: truncated, still being written, or not a dump)");
            }
            return Optional.empty();
        } catch (java.io.FileNotFoundException missing) {
            return Optional.of(file + " does not exist");
        } catch (IOException unreadable) {
            return Optional.of(file + " cannot be read: " + unreadable.getClass().getSimpleName());
        }
    }
}
