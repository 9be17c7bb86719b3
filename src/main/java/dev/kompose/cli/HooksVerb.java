package dev.kompose.cli;

import dev.kompose.db.DumpCatalog;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hooks [NAME...]}: the hook functions each selected stack's hooks.sh defines; with NAMEs, their bodies. */
@Command(name = "hooks", description = "List the hook functions each selected stack's hooks.sh defines; with NAMEs, show their bodies.")
public final class HooksVerb implements StackVerb {
    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Hook functions to show in full (hook_pre_up or pre_up).")
    List<String> names = new ArrayList<>();

    @Mixin
    VerbOptions.Listing listing = new VerbOptions.Listing();

    @Override
    public int execute(String pattern, Operations operations) {
        return operations.list(pattern, DumpCatalog.Reading.NONE, (listings, stacks) -> listings.hooks(stacks, names));
    }
}
