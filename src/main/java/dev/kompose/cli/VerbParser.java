package dev.kompose.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Parses the words after a verb into a fresh model of the verb, and makes the verb from the values parsed. */
final class VerbParser {
    private VerbParser() {
    }

    /** The parsed verb, or null when the words asked for its help (printed to out); wrong words are a usage error. */
    static Object parse(CommandModel.Verb verb, List<String> words, PrintWriter out) {
        CommandSpec spec = verb.spec();
        try {
            CommandLine.ParseResult parsed = new CommandLine(spec).parseArgs(words.toArray(String[]::new));
            if (parsed.isUsageHelpRequested()) {
                VerbHelp.print(verb, out);
                return null;
            }
        } catch (CommandLine.ParameterException wrong) {
            throw new UsageException(verb.name() + ": " + wrong.getMessage());
        }
        return verb.factory().apply(spec);
    }

    /** True when the words are arguments the verb takes (nothing is printed either way). */
    static boolean accepts(CommandModel.Verb verb, List<String> words) {
        try {
            new CommandLine(verb.spec()).parseArgs(words.toArray(String[]::new));
            return true;
        } catch (CommandLine.ParameterException notItsArguments) {
            return false;
        }
    }
}
