package dev.kompose.db;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a pg_dump custom-format archive is complete, by reading its table of contents the way
 * pg_restore does (pg_backup_archiver.c ReadHead / ReadToc, pg_backup_custom.c _ReadExtraToc;
 * archive versions 1.12 to 1.15, PostgreSQL 11 to 16). pg_dump writes the TOC first with the data
 * offsets unset and rewrites it with every offset once all data is written; an archive whose
 * pg_dump was killed still says "offset not set" for its data entries. Complete means: the TOC
 * reads to its end, every entry with data has its offset set, and every offset lies in the file
 * (or, for an archive written to a pipe, where offsets are never set, the file ends with a
 * finished data block).
 */
final class CustomArchiveCheck {
    private static final int OFFSET_SET = 2;
    private static final int NO_DATA = 3;

    private CustomArchiveCheck() {
    }

    static Optional<String> problem(Path file) {
        String name = file.getFileName().toString();
        try (DataInputStream input = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 65536))) {
            long length = Files.size(file);
            Reader reader = new Reader(input);
            byte[] magic = input.readNBytes(5);
            if (!new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals("PGDMP")) {
                return Optional.of(name + " is not a pg_dump custom-format archive");
            }
            int major = input.readUnsignedByte();
            int minor = input.readUnsignedByte();
            input.readUnsignedByte();
            reader.intSize = input.readUnsignedByte();
            reader.offsetSize = input.readUnsignedByte();
            int format = input.readUnsignedByte();
            if (major != 1 || minor < 12 || minor > 15) {
                return Optional.of(name + ": archive version " + major + "." + minor + " is not one kompose can check");
            }
            if (format != 1) {
                return Optional.of(name + " is a pg_dump archive but not in custom format");
            }
            if (minor >= 15) {
                input.readUnsignedByte();
            } else {
                reader.integer();
            }
            for (int field = 0; field < 7; field++) {
                reader.integer();
            }
            reader.string();
            reader.string();
            reader.string();
            long entries = reader.integer();
            boolean offsetsMissing = false;
            for (long entry = 0; entry < entries; entry++) {
                reader.integer();
                long hadDumper = reader.integer();
                for (int field = 0; field < 4; field++) {
                    reader.string();
                }
                reader.integer();
                for (int field = 0; field < (minor >= 14 ? 6 : 5); field++) {
                    reader.string();
                }
                reader.string();
                reader.string();
                while (reader.string() != null) {
                    // dependencies, up to the null string
                }
                int state = input.readUnsignedByte();
                long offset = reader.offset();
                if (hadDumper != 0) {
                    if (state != OFFSET_SET) {
                        offsetsMissing = true;
                    } else if (offset >= length) {
                        return Optional.of(name + " is truncated (data of entry " + (entry + 1) + " lies past its end)");
                    }
                } else if (state != NO_DATA && state != OFFSET_SET) {
                    return Optional.of(name + ": entry " + (entry + 1) + " has an unknown data state " + state);
                }
            }
            if (offsetsMissing && !endsWithEmptyChunk(file, length)) {
                return Optional.of(name + " is not a complete pg_dump archive (its data offsets were never filled in"
                        + " and it does not end with a finished data block: pg_dump did not finish)");
            }
            return Optional.empty();
        } catch (EOFException truncated) {
            return Optional.of(name + " is truncated (its table of contents ends early)");
        } catch (IOException unreadable) {
            return Optional.of(name + " cannot be read: " + unreadable.getClass().getSimpleName());
        }
    }

    /**
     * An archive written to a pipe never gets its offsets filled in (pg_dump cannot seek back), but
     * a finished one ends with its last data block's closing zero-length chunk: a zero integer.
     */
    private static boolean endsWithEmptyChunk(Path file, long length) throws IOException {
        if (length < 5) {
            return false;
        }
        try (java.io.RandomAccessFile input = new java.io.RandomAccessFile(file.toFile(), "r")) {
            byte[] tail = new byte[5];
            input.seek(length - 5);
            input.readFully(tail);
            for (byte value : tail) {
                if (value != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** pg_dump's integers (a sign byte, then intSize bytes, least significant first) and strings. */
    private static final class Reader {
        private final DataInputStream input;
        private int intSize;
        private int offsetSize;

        Reader(DataInputStream input) {
            this.input = input;
        }

        long integer() throws IOException {
            int sign = input.readUnsignedByte();
            long value = 0;
            for (int index = 0; index < intSize; index++) {
                value |= (long) input.readUnsignedByte() << (8 * index);
            }
            return sign == 0 ? value : -value;
        }

        long offset() throws IOException {
            long value = 0;
            for (int index = 0; index < offsetSize; index++) {
                value |= (long) input.readUnsignedByte() << (8 * index);
            }
            return value;
        }

        String string() throws IOException {
            long length = integer();
            if (length < 0) {
                return null;
            }
            if (length > 1 << 30) {
                throw new EOFException("implausible string length");
            }
            byte[] bytes = input.readNBytes((int) length);
            if (bytes.length < length) {
                throw new EOFException("string cut short");
            }
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
