package dev.kompose.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code -o/--output text|json}: what standard output carries. With JSON, the listings, status,
 * journal, every run's result and dry-run plans are one JSON document each on standard output
 * (described in docs/json.md), and every message goes to standard error.
 */
public enum OutputFormat {
    TEXT,
    JSON;

    /** Parses text or json (any case). */
    public static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new TypeConversionException("Invalid output format: " + value + " (expected text or json)");
            }
        }
    }

    /** The values, for completion and help. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(format -> format.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
