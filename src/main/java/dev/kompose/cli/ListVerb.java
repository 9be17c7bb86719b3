package dev.kompose.cli;

import dev.kompose.db.DumpCatalog;
import dev.kompose.read.StackReader;
import dev.kompose.stack.Stack;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kompose list} (also {@code --list}): the stacks with compose file, .env, dump count, postgres, hooks. */
@Command(name = "list", description = "List the stacks: compose file, .env, dumps, postgres, hooks.")
public final class ListVerb implements StandaloneVerb {
    @Mixin
    VerbOptions.Help help = new VerbOptions.Help();

    @Override
    public int execute(Session session) {
        List<Stack> stacks = Operations.discover(session.root());
        StackReader reader = Operations.reader(session);
        return Listings.of(session)
                .stacks(reader.readAll(stacks, DumpCatalog.Reading.NAMES, null));
    }
}
