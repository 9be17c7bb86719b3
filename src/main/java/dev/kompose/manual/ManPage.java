package dev.kompose.manual;

import dev.kompose.cli.CommandLines;
import dev.kompose.cli.CommandModel;
import dev.kompose.cli.Session;
import dev.kompose.cli.VerbHelp;
import dev.kompose.cli.Version;
import dev.kompose.exec.ProcessRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Writes kompose(1) in roff from the command model: synopsis, description, options, arguments,
 * the footer's sections, and every command of {@link CommandModel} (but hidden ones) with its own
 * options, as picocli models them. Run at build time for the .deb: {@code java -cp kompose.jar dev.kompose.manual.ManPage OUT}.
 * picocli-codegen's ManPageGenerator writes AsciiDoc only, which would need asciidoctor to become roff.
 */
public final class ManPage {
    private ManPage() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ManPage OUTPUT.1");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), render(commandModel(), LocalDate.now(ZoneOffset.UTC)), StandardCharsets.UTF_8);
    }

    /** The command model as the command line builds it; nothing is run, so no process runner is needed. */
    static CommandSpec commandModel() {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        ProcessRunner refuse = (command, observer, cancellation) -> {
            throw new IllegalStateException("the manual generator runs no process");
        };
        Session session = new Session(Map.of(), refuse, Clock.systemUTC(), discard, discard);
        return CommandLines.create(session, question -> null).getCommandSpec();
    }

    static String render(CommandSpec root, LocalDate date) {
        StringWriter text = new StringWriter();
        PrintWriter roff = new PrintWriter(text);
        String name = root.name();
        roff.println(".\\\" Generated from kompose's command model (dev.kompose.manual.ManPage); do not edit.");
        roff.printf(".TH %s 1 \"%s\" \"%s\" \"User Commands\"%n", name.toUpperCase(java.util.Locale.ROOT), date,
                quoted(name + " " + Version.value()));
        roff.println(".SH NAME");
        roff.println(escape(name) + " \\- " + escape(firstLine(root.usageMessage().description())));
        roff.println(".SH SYNOPSIS");
        synopsis(roff, root);
        roff.println(".SH DESCRIPTION");
        paragraphs(roff, root.usageMessage().description());
        options(roff, "OPTIONS", root);
        arguments(roff, root);
        footer(roff, root.usageMessage());
        List<CommandModel.Verb> verbs = new ArrayList<>(CommandModel.verbs().stream().filter(verb -> !verb.hidden()).toList());
        verbs.add(CommandModel.compose());
        roff.println(".SH COMMANDS IN DETAIL");
        for (CommandModel.Verb verb : verbs) {
            CommandSpec spec = verb.spec();
            roff.println(".SS " + escape(name + " " + VerbHelp.synopsis(verb)));
            paragraphs(roff, spec.usageMessage().description());
            for (OptionSpec option : visibleOptions(spec)) {
                option(roff, option);
            }
        }
        roff.println(".SH SEE ALSO");
        roff.println(".BR docker (1),");
        roff.println(".BR pg_dump (1),");
        roff.println(".BR psql (1)");
        roff.flush();
        return text.toString();
    }

    private static void synopsis(PrintWriter roff, CommandSpec spec) {
        String[] custom = spec.usageMessage().customSynopsis();
        List<String> lines = new ArrayList<>();
        if (custom.length > 0) {
            for (String line : custom) {
                lines.add(line.strip());
            }
        } else {
            lines.add(new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                    .synopsis(0).strip());
        }
        roff.println(".nf");
        for (String line : lines) {
            roff.println(escape(line));
        }
        roff.println(".fi");
    }

    private static void options(PrintWriter roff, String heading, CommandSpec spec) {
        List<OptionSpec> options = visibleOptions(spec);
        if (options.isEmpty()) {
            return;
        }
        roff.println(".SH " + heading);
        for (OptionSpec option : options) {
            option(roff, option);
        }
    }

    private static List<OptionSpec> visibleOptions(CommandSpec spec) {
        return spec.options().stream().filter(option -> !option.hidden()).toList();
    }

    private static void option(PrintWriter roff, OptionSpec option) {
        StringBuilder label = new StringBuilder();
        for (String optionName : option.names()) {
            label.append(label.length() == 0 ? "" : ", ").append("\\fB").append(escape(optionName)).append("\\fR");
        }
        if (option.arity().max() > 0) {
            label.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
        }
        roff.println(".TP");
        roff.println(label);
        description(roff, option);
    }

    private static void arguments(PrintWriter roff, CommandSpec spec) {
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (positionals.isEmpty()) {
            return;
        }
        roff.println(".SH ARGUMENTS");
        for (PositionalParamSpec positional : positionals) {
            roff.println(".TP");
            roff.println("\\fI" + escape(positional.paramLabel()) + "\\fR");
            description(roff, positional);
        }
    }

    private static void description(PrintWriter roff, ArgSpec argument) {
        List<String> lines = new ArrayList<>();
        for (String line : argument.description()) {
            lines.add(escape(plain(line)));
        }
        roff.println(lines.isEmpty() ? "" : String.join("\n", lines));
    }

    /** The footer keeps its own layout (indented lists, examples); a heading line starts a section. */
    private static void footer(PrintWriter roff, UsageMessageSpec usage) {
        String[] footer = CommandLines.footer().toArray(String[]::new);
        if (footer.length == 0) {
            return;
        }
        String heading = plain(usage.footerHeading()).strip();
        roff.println(".SH " + escape(sectionTitle(heading.isEmpty() ? "More" : heading)));
        roff.println(".nf");
        for (String raw : footer) {
            String line = plain(raw);
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && line.strip().endsWith(":")) {
                roff.println(".fi");
                roff.println(".SH " + escape(sectionTitle(line.strip())));
                roff.println(".nf");
            } else if (line.isBlank()) {
                roff.println();
            } else {
                roff.println(escape(line));
            }
        }
        roff.println(".fi");
    }

    private static void paragraphs(PrintWriter roff, String[] lines) {
        boolean any = false;
        for (String raw : lines) {
            String line = plain(raw);
            if (line.isBlank()) {
                if (any) {
                    roff.println(".PP");
                }
                any = false;
            } else if (Character.isWhitespace(line.charAt(0))) {
                roff.println(".nf");
                roff.println(escape(line));
                roff.println(".fi");
                any = true;
            } else {
                roff.println(escape(line));
                any = true;
            }
        }
    }

    private static String sectionTitle(String heading) {
        String title = heading.endsWith(":") ? heading.substring(0, heading.length() - 1) : heading;
        return title.toUpperCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String[] description) {
        return description.length == 0 ? "" : plain(description[0]).strip();
    }

    /** picocli's format specifiers and @|style text|@ markup, as plain text. */
    static String plain(String text) {
        return text.replace("%n", "\n").replace("%%", "%").replaceAll("@\\|\\S+ (.*?)\\|@", "$1").replace("\n", "");
    }

    /** Backslashes and hyphens escaped; a line starting with . or ' protected from being a request. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }

    private static String quoted(String text) {
        return text.replace("\"", "'");
    }
}
