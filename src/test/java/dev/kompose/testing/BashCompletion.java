package dev.kompose.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The generated bash completion script loaded into a real bash and driven the way bash drives it:
 * a {@code kompose} on the PATH that runs this build's classes, the script from
 * {@code kompose completion bash}, and COMP_LINE / COMP_WORDS set for the line as typed.
 */
public final class BashCompletion {
    private final Path bin;
    private final Path script;
    private final Path workingFolder;

    private BashCompletion(Path bin, Path script, Path workingFolder) {
        this.bin = bin;
        this.script = script;
        this.workingFolder = workingFolder;
    }

    /** Installs kompose and its bash script in bin; completions run in workingFolder. */
    public static BashCompletion install(Path bin, Path workingFolder) throws IOException {
        Path kompose = bin.resolve("kompose");
        Files.writeString(kompose, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -Xshare:auto -cp '" + System.getProperty("java.class.path") + "' dev.kompose.Main \"$@\"\n");
        Files.setPosixFilePermissions(kompose, PosixFilePermissions.fromString("rwxr-xr-x"));
        KomposeProcess.Result generated = new KomposeProcess().run("completion", "bash");
        if (generated.exitCode() != 0) {
            throw new IllegalStateException("kompose completion bash failed: " + generated);
        }
        return new BashCompletion(bin, Files.writeString(bin.resolve("kompose.bash"), generated.out()), workingFolder);
    }

    /** The completion function's COMPREPLY for the line as typed (cursor at the end), and what it printed on stderr. */
    public Reply complete(String line) throws IOException, InterruptedException {
        String program = "PATH='" + bin + "':$PATH\nsource '" + script + "'\n"
                + "COMP_LINE=\"$1\"; COMP_POINT=${#COMP_LINE}\n"
                // split the way bash does for completion: at blanks and at COMP_WORDBREAKS characters
                + "read -r -a COMP_WORDS <<< \"$(sed -E 's/([:=])/ \\1 /g' <<< \"$COMP_LINE\")\"\n"
                + "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "_kompose\nprintf '%s\\n' \"${COMPREPLY[@]}\"\ncomplete -p kompose >&2\n";
        Process bash = new ProcessBuilder("bash", "-c", program, "bash", line).directory(workingFolder.toFile()).start();
        String out = new String(bash.getInputStream().readAllBytes());
        String err = new String(bash.getErrorStream().readAllBytes());
        if (!bash.waitFor(60, TimeUnit.SECONDS)) {
            bash.destroyForcibly();
            throw new IllegalStateException("bash did not finish completing: " + line);
        }
        return new Reply(out.isEmpty() ? List.of() : List.of(out.split("\n")), err);
    }

    /** @param candidates COMPREPLY, one entry a line; @param errors what bash printed on stderr */
    public record Reply(List<String> candidates, String errors) {
    }
}
