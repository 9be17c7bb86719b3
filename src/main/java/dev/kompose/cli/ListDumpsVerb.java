package dev.kompose.cli;

import dev.kompose.db.DumpCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code db:list}: each selected stack's dumps with size, date and completeness. */
@Command(name = "db:list", description = "List each selected stack's dumps, newest first, with size, date and completeness.")
public final class ListDumpsVerb implements StackVerb {
    @Mixin
    VerbOptions.Listing listing = new VerbOptions.Listing();

    @Override
    public int execute(String pattern, Operations operations) {
        return operations.list(pattern, DumpCatalog.Reading.ALL, (listings, stacks) -> listings.dumps(stacks));
    }
}
