package dev.kompose.cli;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds kompose's picocli models with picocli's programmatic API, and reads their values back
 * after parsing. No model is built from annotations: a cold JVM pays tens of milliseconds to read
 * them (each annotation type becomes a dynamic proxy class, which neither AppCDS nor the JDK's AOT
 * cache can archive), and every run builds the top-level model and the model of its verb.
 */
final class CommandSpecs {
    private CommandSpecs() {
    }

    /** A command's model with its name and description (help sorts its options unless told otherwise). */
    static CommandSpec command(String name, String... description) {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.usageMessage().description(description);
        return spec;
    }

    /** An option taking one value of type, shown as paramLabel. */
    static OptionSpec.Builder option(Class<?> type, String paramLabel, String description, String... names) {
        return OptionSpec.builder(names).type(type).paramLabel(paramLabel).description(description);
    }

    /** Adds an option that takes no value: false unless given. */
    static void addFlag(CommandSpec spec, String description, String... names) {
        spec.addOption(OptionSpec.builder(names).type(boolean.class).arity("0").initialValue(false)
                .description(description).build());
    }

    /** A positional parameter of type at index, shown as paramLabel (by which {@link #value} finds it). */
    static PositionalParamSpec.Builder positional(String index, Class<?> type, String paramLabel, String... description) {
        return PositionalParamSpec.builder().index(index).type(type).paramLabel(paramLabel).description(description);
    }

    /** The value of the option named so (any of its names), or of the positional parameter labelled so. */
    @SuppressWarnings("unchecked")
    static <T> T value(CommandSpec spec, String name) {
        ArgSpec argument = name.startsWith("-") ? spec.findOption(name)
                : spec.positionalParameters().stream().filter(positional -> positional.paramLabel().equals(name))
                        .findFirst().orElse(null);
        if (argument == null) {
            throw new IllegalArgumentException(spec.name() + " has no " + name);
        }
        return (T) argument.getValue();
    }

    /** True when the flag named so was given. */
    static boolean isSet(CommandSpec spec, String name) {
        return Boolean.TRUE.equals(value(spec, name));
    }
}
