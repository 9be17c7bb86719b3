package dev.kompose.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.StackFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated bash completion script, loaded into a real bash and driven the way bash drives it. */
class BashCompletionTest {
    @TempDir
    Path root;
    @TempDir
    Path bin;
    private Path script;

    @BeforeEach
    void install() throws Exception {
        StackFolder folder = new StackFolder(root);
        folder.stackWithoutDatabase("news");
        folder.stackWithoutDatabase("blog");
        folder.stackWithoutDatabase("billing");
        folder.env("news", "DB_NAME=newsdb\n");
        Files.writeString(root.resolve("news/newsdb_20250101_120000.sql"), "x");
        Files.writeString(root.resolve("news/newsdb_20251011_005049.sql"), "x");
        Path kompose = bin.resolve("kompose");
        Files.writeString(kompose, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -Xshare:auto -cp '" + System.getProperty("java.class.path") + "' dev.kompose.Main \"$@\"\n");
        Files.setPosixFilePermissions(kompose, PosixFilePermissions.fromString("rwxr-xr-x"));
        KomposeProcess.Result generated = new KomposeProcess().run("completion", "bash");
        assertEquals(0, generated.exitCode(), generated.toString());
        script = Files.writeString(bin.resolve("kompose.bash"), generated.out());
    }

    /** Runs the completion function for the line as typed (cursor at the end) and returns COMPREPLY. */
    private List<String> complete(String line) throws Exception {
        String program = "PATH='" + bin + "':$PATH\nsource '" + script + "'\n"
                + "COMP_LINE=\"$1\"; COMP_POINT=${#COMP_LINE}\n"
                // split the way bash does for completion: at blanks and at COMP_WORDBREAKS characters
                + "read -r -a COMP_WORDS <<< \"$(sed -E 's/([:=])/ \\1 /g' <<< \"$COMP_LINE\")\"\n"
                + "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "_kompose\nprintf '%s\\n' \"${COMPREPLY[@]}\"\ncomplete -p kompose >&2\n";
        Process bash = new ProcessBuilder("bash", "-c", program, "bash", line).directory(root.toFile()).start();
        String out = new String(bash.getInputStream().readAllBytes());
        String err = new String(bash.getErrorStream().readAllBytes());
        assertTrue(bash.waitFor(60, TimeUnit.SECONDS));
        assertTrue(err.contains("complete -F _kompose kompose"), "the script registers itself: " + err);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    @Test
    void completesStackNamesByAskingKompose() throws Exception {
        assertEquals(List.of("billing", "blog"), complete("kompose -C " + root + " b"));
        assertTrue(complete("kompose -C " + root + " ").containsAll(List.of("\\*", "news", "shell", "completion")));
    }

    @Test
    void completesAfterACommaAndCommandsWithAColon() throws Exception {
        assertEquals(List.of("news,billing", "news,blog"), complete("kompose -C " + root + " news,b"));
        // bash splits db:import at the colon: the reply is what follows it
        assertEquals(List.of("import"), complete("kompose -C " + root + " news db:im"));
    }

    @Test
    void completesDumpFilesNewestFirst() throws Exception {
        assertEquals(List.of("newsdb_20251011_005049.sql", "newsdb_20250101_120000.sql"),
                complete("kompose -C " + root + " news db:import newsdb"));
    }

    @Test
    void completesTheRootFromKomposeRootAndStacksCreatedMeanwhile() throws Exception {
        Files.writeString(root.resolve(".env"), "");
        new StackFolder(root).stackWithoutDatabase("brandnew");
        assertEquals(List.of("brandnew"), complete("kompose -C " + root + " bra"));
    }
}
