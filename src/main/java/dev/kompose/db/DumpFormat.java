package dev.kompose.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three dump formats: plain SQL (the original's, restored with psql), gzip-compressed plain
 * SQL (pg_dump --compress, restored through gzip -dc into psql) and pg_dump's custom archive
 * (restored with pg_restore, in parallel with --jobs). pg_dump writes every format into the file
 * itself, so no byte of a dump passes through kompose.
 */
public enum DumpFormat {
    PLAIN(".sql", List.of()),
    GZIP(".sql.gz", List.of("--compress=6")),
    CUSTOM(".dump", List.of("--format=custom"));

    private final String extension;
    private final List<String> dumpArguments;

    DumpFormat(String extension, List<String> dumpArguments) {
        this.extension = extension;
        this.dumpArguments = dumpArguments;
    }

    public String extension() {
        return extension;
    }

    /** What pg_dump needs to write this format. */
    public List<String> dumpArguments() {
        return dumpArguments;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** plain, gzip or custom. */
    public static DumpFormat parse(String text) {
        for (DumpFormat format : values()) {
            if (format.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("Invalid dump format: " + text + " (expected plain, gzip or custom)");
    }

    /** The format a kompose file name says (.sql, .sql.gz, .dump), if any. */
    public static Optional<DumpFormat> fromName(String fileName) {
        String name = fileName.endsWith(DumpFiles.PARTIAL_SUFFIX)
                ? fileName.substring(0, fileName.length() - DumpFiles.PARTIAL_SUFFIX.length()) : fileName;
        if (name.endsWith(GZIP.extension)) {
            return Optional.of(GZIP);
        }
        if (name.endsWith(CUSTOM.extension)) {
            return Optional.of(CUSTOM);
        }
        if (name.endsWith(PLAIN.extension)) {
            return Optional.of(PLAIN);
        }
        return Optional.empty();
    }

    /** The format by the file's first bytes (gzip magic, "PGDMP"), else by its name, else plain. */
    public static DumpFormat detect(Path file) {
        byte[] head = new byte[5];
        int read = 0;
        try (InputStream input = Files.newInputStream(file)) {
            read = input.readNBytes(head, 0, head.length);
        } catch (IOException unreadable) {
            read = 0;
        }
        if (read >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (read == 5 && new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("PGDMP")) {
            return CUSTOM;
        }
        if (read > 0) {
            return PLAIN;
        }
        return fromName(file.getFileName().toString()).orElse(PLAIN);
    }
}
