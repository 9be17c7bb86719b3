package dev.kompose.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.StackFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nasty inputs by hand, through the real kompose process, real bash hooks and a recording
 * compose program: command substitutions and backticks in .env values and arguments stay text
 * (canary files are never created), arguments reach compose word for word, a stack folder with
 * spaces works.
 */
class HostileInputProcessTest {

    @Test
    void nothingHostileIsEverExecuted(@TempDir Path root) throws Exception {
        Path canaries = Files.createDirectories(root.resolve("canaries"));
        Path recorded = root.resolve("recorded");
        Path compose = root.resolve("record-compose");
        Files.writeString(compose, "#!/bin/bash\nprintf '%s\\0' \"$@\" > " + recorded + "\n");
        Files.setPosixFilePermissions(compose, PosixFilePermissions.fromString("rwxr-xr-x"));
        StackFolder folder = new StackFolder(root);
        folder.stackWithoutDatabase("my stack");
        String longValue = "v".repeat(10_000);
        folder.env("my stack", "EVIL=$(touch " + canaries + "/env-dollar)\n"
                + "BACK=`touch " + canaries + "/env-backtick`\n"
                + "QUOTED=\"$(touch " + canaries + "/env-quoted)\"\n"
                + "SINGLE='; touch " + canaries + "/env-single'\n"
                + "LONG=" + longValue + "\n"
                + "UNICODE=ünïcödé 🙂\n"
                + "TABBED=value\t#probably meant as a comment\n");
        folder.hooks("my stack", "hook_pre_ps() {\n  printf 'evil=[%s]\\n' \"$EVIL\" \"$BACK\" \"$QUOTED\" \"$SINGLE\" \"$UNICODE\"\n"
                + "  printf 'long=%s\\n' \"${#LONG}\"\n  printf 'arg=[%s]\\n' \"$@\"\n}\n");
        List<String> arguments = List.of("$(touch " + canaries + "/arg-dollar)", "`touch " + canaries + "/arg-backtick`",
                "line\nbreak", "name with spaces", "ünï 🙂", "x".repeat(10_000), "'; touch " + canaries + "/arg-single #");

        List<String> argv = new java.util.ArrayList<>(List.of("-C", root.toString(),
                "-e", "OVERRIDE=$(touch " + canaries + "/option)", "my stack", "ps"));
        argv.addAll(arguments);
        KomposeProcess.Result result = new KomposeProcess().environment("KOMPOSE_COMPOSE", compose.toString())
                .environment("KOMPOSE_JOURNAL", root.resolve("journal.jsonl").toString())
                .run(argv.toArray(String[]::new));

        assertEquals(0, result.exitCode(), result.toString());
        try (var created = Files.list(canaries)) {
            assertEquals(List.of(), created.toList(), "a canary was created: something executed hostile text");
        }
        String words = Files.readString(recorded, StandardCharsets.UTF_8);
        List<String> received = List.of(words.substring(0, words.length() - 1).split("\0", -1));
        assertEquals(arguments, received.subList(received.size() - arguments.size(), received.size()),
                "compose received the arguments word for word");
        assertTrue(result.out().contains("evil=[$(touch " + canaries + "/env-dollar)]"), result.toString());
        assertTrue(result.out().contains("long=10000"), result.toString());
        assertTrue(result.out().contains("[WARN]"), "the doubtful .env line is reported: " + result);
        assertFalse(result.all().contains("Exception"), result.toString());

        Files.writeString(root.resolve("my stack").resolve(".env"), "EVIL=$(touch " + canaries + "/refused)\n"
                + "broken line without equals\n");
        KomposeProcess.Result refused = new KomposeProcess().environment("KOMPOSE_COMPOSE", compose.toString())
                .environment("KOMPOSE_JOURNAL", root.resolve("journal.jsonl").toString())
                .run(argv.toArray(String[]::new));
        assertEquals(1, refused.exitCode(), "a .env Compose refuses fails its stack: " + refused);
        assertTrue(refused.out().contains(root.resolve("my stack").resolve(".env") + ":2:"), refused.toString());
        try (var created = Files.list(canaries)) {
            assertEquals(List.of(), created.toList(), "nothing ran for the refused stack");
        }
    }
}
