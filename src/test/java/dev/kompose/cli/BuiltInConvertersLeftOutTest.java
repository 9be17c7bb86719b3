package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * kompose starts with picocli's java.time and java.sql converters left out (Main sets
 * picocli.converters.excludes: registering them initialises the java.time parsers, ≈ 5 ms of every
 * start). Every option of such a type must therefore bring its own converter — or it would stop
 * converting its value.
 */
class BuiltInConvertersLeftOutTest {
    private static final String EXCLUDES = "picocli.converters.excludes";

    @Test
    void mainLeavesThemOutAndTheDurationOptionsStillConvert() throws ClassNotFoundException {
        Class.forName("dev.kompose.Main"); // its initialiser sets the property, as at every start
        assertEquals("java\\.sql\\..*,java\\.time\\..*", System.getProperty(EXCLUDES));

        CommandSpec top = KomposeCommand.optionsSpec();
        new CommandLine(top).parseArgs("--hook-timeout", "90s", "news", "ps");
        assertEquals(Duration.ofSeconds(90), CommandSpecs.value(top, TopLevelSpec.HOOK_TIMEOUT));

        CommandSpec status = CommandModel.verbs().stream().filter(verb -> verb.name().equals("status")).findFirst()
                .orElseThrow().spec();
        new CommandLine(status).parseArgs("--max-age", "26h");
        assertEquals(Duration.ofHours(26), CommandSpecs.value(status, "--max-age"));
    }

    @Test
    void noOptionOfAnyVerbIsOfAnExcludedTypeWithoutItsOwnConverter() {
        List<CommandSpec> specs = new ArrayList<>(List.of(KomposeCommand.optionsSpec()));
        CommandModel.verbs().forEach(verb -> specs.add(verb.spec()));
        for (CommandSpec spec : specs) {
            for (ArgSpec argument : spec.args()) {
                String type = argument.type().getName();
                if (type.startsWith("java.time.") || type.startsWith("java.sql.")) {
                    assertFalse(argument.converters().length == 0,
                            spec.name() + " " + argument + " (" + type + ") has no converter of its own");
                }
            }
        }
    }
}
