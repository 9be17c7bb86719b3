package dev.kompose.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments kompose's own db:* commands take after COMMAND, parsed with picocli. */
final class DatabaseArguments {
    private DatabaseArguments() {
    }

    @Command(name = "db:export", description = "Dump each selected stack's database into <stack>/<DB_NAME>_<YYYYmmdd_HHMMSS>.sql.")
    static final class Export {
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "plain",
                description = "plain (<DB>_<time>.sql, the default), gzip (.sql.gz) or custom (.dump, pg_restore --jobs).")
        String format;

        @Option(names = "--dry-run", description = "Show every stage, run nothing.")
        boolean dryRun;
    }

    @Command(name = "db:import", description = "Restore a dump (default: the newest complete one) safely in place of the live database.")
    static final class Import {
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "The dump to restore (default: the newest complete dump of the stack).")
        String file;

        @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
                description = "Parallel pg_restore workers for a custom-format (.dump) archive (default: 1).")
        int jobs;

        @Option(names = "--keep-previous", description = "Keep the replaced database under a dated name instead of dropping it.")
        boolean keepPrevious;

        @Option(names = "--dry-run", description = "Show every stage, run nothing.")
        boolean dryRun;
    }

    @Command(name = "db:cleanup", description = "Delete all but the newest N complete dumps of each selected stack.")
    static final class Cleanup {
        @Option(names = "--keep", paramLabel = "N", defaultValue = "1", description = "How many complete dumps to keep (default: 1).")
        int keep;

        @Option(names = "--dry-run", description = "Show every stage, run nothing.")
        boolean dryRun;
    }

    @Command(name = "db:list", description = "List each selected stack's dumps with size, date and completeness.")
    static final class ListDumps {
        @Option(names = "--dry-run", description = "Accepted for symmetry; listing changes nothing.")
        boolean dryRun;
    }

    @Command(name = "hooks", description = "List the hook functions each selected stack's hooks.sh defines; with NAMEs, show their bodies.")
    static final class Hooks {
        @Parameters(arity = "0..*", paramLabel = "NAME", description = "Hook functions to show in full (hook_pre_up or pre_up).")
        java.util.List<String> names = new java.util.ArrayList<>();

        @Option(names = "--dry-run", description = "Accepted for symmetry; listing changes nothing.")
        boolean dryRun;
    }
}
