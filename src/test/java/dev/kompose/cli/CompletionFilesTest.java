package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scripts in completions/ are what `kompose completion SHELL` prints today (regenerate them when this fails). */
class CompletionFilesTest {
    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void theCheckedInScriptIsTheGeneratedOne(String shell) throws IOException {
        assertEquals(CompletionScripts.script(shell, "kompose", KomposeCommand.optionsSpec()),
                Files.readString(Path.of("completions", "kompose." + shell)),
                "regenerate: ./kompose completion " + shell + " > completions/kompose." + shell);
    }
}
