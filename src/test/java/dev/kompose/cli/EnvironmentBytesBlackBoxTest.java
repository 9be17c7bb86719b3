package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.RecordingDocker;
import dev.kompose.testing.StackFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A password with #, $, quotes, a backslash and non-ASCII letters reaches a hook, the compose
 * stand-in and db:export's dry-run plan byte for byte, with no locale at all (as from cron or
 * {@code ssh host kompose}) and with a UTF-8 one. Passwords are masked in output, so the hook and
 * the stand-in write the value's bytes in hex to files, and the dry run is checked through
 * DB_NAME, which holds the same characters and is printed quoted (where it is not the bare
 * password text, which the masker hides wherever it appears).
 */
class EnvironmentBytesBlackBoxTest {
    /** pä#ss$wö"rd'\€ — what the .env lines below define. */
    private static final String PASSWORD = "pä#ss$wö\"rd'\\€";
    private static final String EXPECTED_HEX = HexFormat.of().formatHex(PASSWORD.getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path temp;
    Path root;
    StackFolder stacks;
    RecordingDocker docker;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("stacks"));
        stacks = new StackFolder(root);
        docker = new RecordingDocker(temp.resolve("bin"));
        stacks.databaseStackWithoutServer("shop");
        stacks.env("shop", """
                DB_HOST=127.0.0.1
                DB_PORT=1
                DB_USER=app
                DB_PASSWORD='pä#ss$wö"rd\\'\\€'
                DB_NAME="pä#ss\\$wö\\"rd'\\\\€"
                """);
        Path hookRecord = temp.resolve("hook.hex");
        stacks.hooks("shop", "hook_pre_ps() { printf '%s' \"$DB_PASSWORD\" | od -An -tx1 | tr -d ' \\n' > "
                + hookRecord + "; echo \"${LC_ALL-unset} ${LC_CTYPE-unset} ${KOMPOSE_LOCALE_RESTORE-unset}\" > "
                + temp.resolve("hook.locale") + "; }\n");
    }

    @ParameterizedTest(name = "locale: {0}")
    @ValueSource(strings = {"none", "C.UTF-8"})
    void hookComposeAndDryRunSeeTheSameBytes(String locale) throws Exception {
        KomposeProcess kompose = docker.kompose().environment("RECORD_SECRET_OF", "DB_PASSWORD");
        if (locale.equals("none")) {
            kompose.withoutLocale();
        } else {
            kompose.environment("LC_ALL", locale);
        }

        KomposeProcess.Result ps = kompose.run("-C", root.toString(), "shop", "ps");
        KomposeProcess.Result dryRun = kompose.run("-C", root.toString(), "--dry-run", "shop", "db:export");

        assertEquals(0, ps.exitCode(), ps.toString());
        assertEquals(EXPECTED_HEX, Files.readString(temp.resolve("hook.hex")), "the hook's bytes");
        assertEquals((locale.equals("none") ? "unset" : locale) + " unset unset",
                Files.readString(temp.resolve("hook.locale")).strip(), "the hook runs in the caller's locale");
        List<String> composeRecords = docker.secretRecords(); // the first is the `docker compose version` probe
        assertEquals(EXPECTED_HEX, composeRecords.get(composeRecords.size() - 1), "the compose stand-in's bytes");
        assertEquals(0, dryRun.exitCode(), dryRun.toString());
        assertTrue(dryRun.out().contains("PGPASSWORD=***"), dryRun.out());
        assertTrue(dryRun.out().contains("'--dbname=pä#ss$wö\"rd'\\''\\€'"), "DB_NAME, with the same characters,"
                + " shell-quoted in the dry-run command: " + dryRun.out());
        assertTrue(dryRun.out().contains("database \"pä#ss$wö\"\"rd'\\€\""), "and as an SQL name: " + dryRun.out());
        assertFalse(dryRun.all().contains("\uFFFD") || dryRun.all().contains("p?"), dryRun.toString());
    }
}
