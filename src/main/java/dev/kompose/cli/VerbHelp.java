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

    /** Each verb with its arguments and options, then its summary (and the compose pass-through), for {@code --help} and {@code help}. */
    public static List<String> overview() {
        List<String> lines = new java.util.ArrayList<>();
        for (CommandModel.Verb verb : CommandModel.verbs()) {
            if (!verb.hidden()) {
                lines.addAll(wrapped("  " + synopsis(verb), "        "));
                lines.addAll(wrapped("      " + verb.summary(), "      "));
            }
        }
        lines.add("  <PATTERN> any other COMMAND [ARGS] [--dry-run]");
        lines.add("      docker compose -f <file> COMMAND ARGS in the stack folder, with");
        lines.add("      hook_pre_<cmd> / hook_post_<cmd> for up, down, start, stop, restart, pull,");
        lines.add("      build, ps, logs, exec, run, create, kill, pause, unpause, port, top");
        return lines;
    }

    /** The line cut at blanks into lines of at most 79 columns, the later ones starting with indent. */
    static List<String> wrapped(String line, String indent) {
        List<String> lines = new java.util.ArrayList<>();
        String rest = line;
        while (rest.length() > 79) {
            int cut = rest.lastIndexOf(' ', 79);
            if (cut <= indent.length()) {
                break;
            }
            lines.add(rest.substring(0, cut));
            rest = indent + rest.substring(cut + 1);
        }
        lines.add(rest);
        return lines;
    }

    /** "db:import [FILE] [--keep-previous] [--jobs N] ...": the verb's parameters and options from its model, help left out. */
    public static String synopsis(CommandModel.Verb verb) {
        CommandSpec spec = verb.spec();
        StringBuilder synopsis = new StringBuilder(verb.scope() == CommandModel.Scope.STACKS ? "<PATTERN> " : "")
                .append(verb.scope() == CommandModel.Scope.BOTH ? "[<PATTERN>] " : "").append(verb.name());
        for (CommandLine.Model.PositionalParamSpec parameter : spec.positionalParameters()) {
            if (!parameter.hidden()) {
                boolean optional = parameter.arity().min() == 0;
                String label = parameter.paramLabel() + (parameter.arity().max() > 1 ? "..." : "");
                synopsis.append(' ').append(optional ? "[" + label + "]" : label);
            }
        }
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            if (!option.hidden() && !option.usageHelp()) {
                synopsis.append(" [").append(option.longestName())
                        .append(CommandCompletion.takesValue(option) ? " " + option.paramLabel() : "").append(']');
            }
        }
        return synopsis.toString();
    }
}
