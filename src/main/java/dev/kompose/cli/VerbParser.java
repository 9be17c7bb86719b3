package dev.kompose.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/** Parses the words after a verb into a fresh object of the verb's picocli class. */
final class VerbParser {
    private VerbParser() {
    }

    /** The parsed verb, or null when the words asked for its help (printed to out); wrong words are a usage error. */
    static Object parse(CommandModel.Verb verb, List<String> words, PrintWriter out) {
        Object options = verb.factory().get();
        CommandLine parser = new CommandLine(options);
        try {
            CommandLine.ParseResult parsed = parser.parseArgs(words.toArray(String[]::new));
            if (parsed.isUsageHelpRequested()) {
                VerbHelp.print(verb, out);
                return null;
            }
        } catch (CommandLine.ParameterException wrong) {
            throw new UsageException(verb.name() + ": " + wrong.getMessage());
        }
        return options;
    }

    /** True when the words are arguments the verb takes (nothing is printed either way). */
    static boolean accepts(CommandModel.Verb verb, List<String> words) {
        try {
            new CommandLine(verb.factory().get()).parseArgs(words.toArray(String[]::new));
            return true;
        } catch (CommandLine.ParameterException notItsArguments) {
            return false;
        }
    }
}
