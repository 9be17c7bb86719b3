package dev.kompose.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.StackFolder;
import dev.kompose.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated zsh and fish completion scripts in a real zsh and a real fish (tmux, TAB pressed as
 * a person presses it), as {@link BashCompletionTest} does for bash.
 */
@Tag("terminal")
class ZshFishCompletionTest {
    @TempDir
    Path root;
    @TempDir
    Path bin;
    private Tmux tmux;

    @BeforeEach
    void install() throws Exception {
        StackFolder folder = new StackFolder(root);
        folder.stackWithoutDatabase("news");
        folder.stackWithoutDatabase("blog");
        Path kompose = bin.resolve("kompose");
        Files.writeString(kompose, "#!/bin/sh\nexec " + Tmux.komposeCommand() + " \"$@\"\n");
        Files.setPosixFilePermissions(kompose, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void close() {
        if (tmux != null) {
            tmux.close();
        }
    }

    private Path script(String shell) throws Exception {
        KomposeProcess.Result generated = new KomposeProcess().run("completion", shell);
        assertEquals(0, generated.exitCode(), generated.toString());
        return Files.writeString(bin.resolve("kompose." + shell), generated.out());
    }

    /** Types line, presses TAB, and waits for the line the shell completed it to (prompt first). */
    private void completes(String prompt, String typed, String completed) {
        tmux.type(typed).press("Tab");
        tmux.waitFor("\"" + prompt + completed + "\"", screen -> screen.contains(prompt + completed), Duration.ofSeconds(20));
        tmux.press("C-u");
    }

    @Test
    void zshCompletesTheStackThenTheCommand() throws Exception {
        Path script = script("zsh");
        Files.writeString(bin.resolve(".zshrc"), "PS1='zsh> '\nautoload -U compinit\ncompinit -u -D\nsource '" + script + "'\n");
        tmux = Tmux.startScript(bin, "cd '" + root + "'\nexport PATH='" + bin + "':$PATH ZDOTDIR='" + bin
                + "' TERM=xterm-256color\nunset CI\nexec zsh -i\n");
        tmux.waitFor("zsh> ");
        completes("zsh> ", "kompose ne", "kompose news ");
        completes("zsh> ", "kompose news db:ex", "kompose news db:export ");
    }

    @Test
    void fishCompletesTheStackThenTheCommand() throws Exception {
        Path script = script("fish");
        tmux = Tmux.startScript(bin, "cd '" + root + "'\nexport PATH='" + bin + "':$PATH XDG_CONFIG_HOME='" + bin
                + "/config' XDG_DATA_HOME='" + bin + "/data' TERM=xterm-256color\nunset CI\nexec fish --no-config -C "
                + "'function fish_prompt; echo -n \"fish> \"; end; function fish_greeting; end; source " + script + "'\n");
        tmux.waitFor("fish> ");
        completes("fish> ", "kompose ne", "kompose news ");
        completes("fish> ", "kompose news db:ex", "kompose news db:export ");
    }
}
