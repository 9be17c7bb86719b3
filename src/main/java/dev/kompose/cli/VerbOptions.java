package dev.kompose.cli;

import dev.kompose.db.DumpFormat;
import dev.kompose.exec.DurationText;
import dev.kompose.progress.ProgressMode;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The options several verbs share, added to a verb's model in code (see {@link CommandSpecs}), and
 * the converters and candidates of typed option values.
 */
public final class VerbOptions {
    static final String DRY_RUN = "--dry-run";
    static final String WAIT = "--wait";

    private VerbOptions() {
    }

    /** {@code --dry-run} after COMMAND (the seed writes {@code kompose.sh sexy db:export --dry-run}). */
    private static void addDryRun(CommandSpec spec) {
        CommandSpecs.addFlag(spec, "Show every stage, run nothing.", DRY_RUN);
    }

    /** {@code --wait}: wait for another kompose's lock on the stack instead of failing at once. */
    private static void addLockWait(CommandSpec spec) {
        CommandSpecs.addFlag(spec, "Wait for another kompose's lock on the stack instead of failing at once.", WAIT);
    }

    /** {@code -h/--help} on every verb: its usage, from the same model. */
    static void addHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).initialValue(false).description("Show this help.")
                .build());
    }

    /** What every verb that changes stacks under their lock takes after COMMAND: --wait, --dry-run, --help. */
    static void addLockedRun(CommandSpec spec) {
        addLockWait(spec);
        addDryRun(spec);
        addHelp(spec);
    }

    /** What every listing verb takes after COMMAND: --dry-run (accepted; a listing changes nothing) and --help. */
    static void addListing(CommandSpec spec) {
        addDryRun(spec);
        addHelp(spec);
    }

    /** The values of {@link #addLockedRun}'s options in a parsed model. */
    record LockedRun(boolean waitsForLock, boolean dryRun) {
        static LockedRun of(CommandSpec parsed) {
            return new LockedRun(CommandSpecs.isSet(parsed, WAIT), CommandSpecs.isSet(parsed, DRY_RUN));
        }
    }

    /** Parses --format plain|gzip|custom. */
    public static final class DumpFormatConverter implements ITypeConverter<DumpFormat> {
        @Override
        public DumpFormat convert(String value) {
            try {
                return DumpFormat.parse(value);
            } catch (IllegalArgumentException wrong) {
                throw new TypeConversionException(wrong.getMessage());
            }
        }
    }

    /** The values of --format, for completion and help. */
    public static final class DumpFormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return java.util.Arrays.stream(DumpFormat.values()).map(format -> format.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    /** Parses --progress auto|panel|plain|none. */
    public static final class ProgressModeConverter implements ITypeConverter<ProgressMode> {
        @Override
        public ProgressMode convert(String value) {
            try {
                return ProgressMode.parse(value);
            } catch (IllegalArgumentException wrong) {
                throw new TypeConversionException(wrong.getMessage());
            }
        }
    }

    /** The values of --progress, for completion and help. */
    public static final class ProgressModeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return java.util.Arrays.stream(ProgressMode.values()).map(mode -> mode.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    /** Parses --hook-timeout and --max-age values such as 30s, 10m, 1h30m, 2d. */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration parsed;
            try {
                parsed = DurationText.parse(value);
            } catch (IllegalArgumentException invalid) { // picocli would show the exception's class name
                throw new TypeConversionException(invalid.getMessage());
            }
            if (parsed.isZero()) {
                throw new TypeConversionException("the duration must be more than zero");
            }
            return parsed;
        }
    }

    /** Example durations offered by completion. */
    public static final class DurationExamples implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("30s", "5m", "10m", "1h").iterator();
        }
    }

    /** The shells completion scripts exist for. */
    public static final class ShellNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("bash", "zsh", "fish").iterator();
        }
    }

    /** --db-client: auto, host or container. */
    public static final class DatabaseClientConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String mode = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (!List.of("auto", "host", "container").contains(mode)) {
                throw new picocli.CommandLine.TypeConversionException("expected auto, host or container, not '" + value + "'");
            }
            return mode;
        }
    }

    /** The values of --db-client, for completion. */
    public static final class DatabaseClientNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("auto", "host", "container").iterator();
        }
    }
}
