package dev.kompose.cli;

import dev.kompose.db.DumpCatalog;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hooks [NAME...]}: the hook functions each selected stack's hooks.sh defines; with NAMEs, their bodies. */
public final class HooksVerb implements StackVerb {
    private static final String NAME = "NAME";

    private final List<String> names;

    /** The verb with the values of its parsed model. */
    HooksVerb(CommandSpec parsed) {
        names = CommandSpecs.value(parsed, NAME);
    }

    /** A fresh model of the verb: [NAME...], --dry-run, --help. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command("hooks",
                "List the hook functions each selected stack's hooks.sh defines; with NAMEs, show their bodies.");
        spec.addPositional(CommandSpecs.positional("0..*", List.class, NAME,
                "Hook functions to show in full (hook_pre_up or pre_up).").auxiliaryTypes(String.class).arity("0..*")
                .initialValue(List.of()).build());
        VerbOptions.addListing(spec);
        return spec;
    }

    @Override
    public int execute(String pattern, Operations operations) {
        return operations.list(pattern, DumpCatalog.Reading.NONE, (listings, stacks) -> listings.hooks(stacks, names));
    }
}
