package dev.kompose.cli;

import dev.kompose.db.DumpCatalog;
import dev.kompose.read.StackReader;
import dev.kompose.stack.Stack;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kompose list} (also {@code --list}): the stacks with compose file, .env, dump count, postgres, hooks. */
public final class ListVerb implements StandaloneVerb {

    /** A fresh model of the verb: --help. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command("list", "List the stacks: compose file, .env, dumps, postgres, hooks.");
        VerbOptions.addHelp(spec);
        return spec;
    }

    @Override
    public int execute(Session session) {
        List<Stack> stacks = Operations.discover(session.root());
        StackReader reader = Operations.reader(session);
        return Listings.of(session)
                .stacks(reader.readAll(stacks, DumpCatalog.Reading.NAMES, null));
    }
}
