package dev.kompose.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Help text derived from the command model: a verb's usage ({@code help VERB}, {@code VERB --help}) and the overview of all verbs. */
public final class VerbHelp {
    private VerbHelp() {
    }

    /** The verb's usage: synopsis, description, its parameters and options, from its picocli model. */
    public static void print(CommandModel.Verb verb, PrintWriter out) {
        CommandSpec spec = verb.spec();
        String synopsisName = switch (verb.scope()) {
            case STACKS -> "kompose <PATTERN> " + verb.name();
            case STANDALONE -> "kompose " + verb.name();
            case BOTH -> "kompose [<PATTERN>] " + verb.name();
        };
        spec.name(synopsisName);
        spec.usageMessage().abbreviateSynopsis(false).sortOptions(false).width(80);
        new CommandLine(spec).usage(out, CommandLine.Help.Ansi.OFF);
        out.flush();
    }

    /** One line per verb (and the compose pass-through), for {@code kompose --help} and the shell's {@code help}. */
    public static List<String> overview() {
        List<String> lines = new java.util.ArrayList<>();
        for (CommandModel.Verb verb : CommandModel.verbs()) {
            if (!verb.hidden()) {
                lines.add(String.format("  %-12s %s", verb.name(), verb.summary()));
            }
        }
        lines.add(String.format("  %-12s %s", "any other", "docker compose -f <file> COMMAND ARGS in the stack folder,"));
        lines.add(String.format("  %-12s %s", "", "with hook_pre_<cmd> / hook_post_<cmd> for " + String.join(", ",
                dev.kompose.planner.ComposePlanner.HOOKED_COMMANDS.subList(0, 6)) + ", ..."));
        return lines;
    }
}
