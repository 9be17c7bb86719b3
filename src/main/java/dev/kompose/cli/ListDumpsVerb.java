package dev.kompose.cli;

import dev.kompose.db.DumpCatalog;
import picocli.CommandLine.Model.CommandSpec;

/** {@code db:list}: each selected stack's dumps with size, date and completeness. */
public final class ListDumpsVerb implements StackVerb {

    /** A fresh model of the verb: --dry-run, --help. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command("db:list",
                "List each selected stack's dumps, newest first, with size, date and completeness.");
        VerbOptions.addListing(spec);
        return spec;
    }

    @Override
    public int execute(String pattern, Operations operations) {
        return operations.list(pattern, DumpCatalog.Reading.ALL, (listings, stacks) -> listings.dumps(stacks));
    }
}
