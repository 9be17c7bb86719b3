package dev.kompose.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.PostgresServer;
import dev.kompose.testing.StackFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password, given in a stack's .env and with -e, appears in no output of any path: runs,
 * dry-runs, failures, hook output (a hook that prints it and its environment), the journal.
 */
@Tag("postgres")
class SecretsAuditTest {
    private final PostgresServer server = PostgresServer.get();

    @Test
    void thePasswordAppearsNowhere(@TempDir Path root) throws Exception {
        server.recreateDatabase("secret_env");
        server.recreateDatabase("secret_option");
        server.sql("secret_env", "CREATE TABLE item (id int); INSERT INTO item VALUES (1)");
        server.sql("secret_option", "CREATE TABLE item (id int); INSERT INTO item VALUES (2)");
        StackFolder folder = new StackFolder(root);
        folder.databaseStack("viaenv", server, "secret_env");
        folder.databaseStack("viaoption", server, "secret_option");
        folder.env("viaoption", server.envLines("secret_option").replace("DB_PASSWORD=" + PostgresServer.PASSWORD + "\n", ""));
        String printingHook = "hook_pre_db_export() { echo \"pw=$DB_PASSWORD\"; env | grep -i pass; }\n"
                + "hook_post_db_import() { echo \"pw=$DB_PASSWORD\" >&2; }\n";
        folder.hooks("viaenv", printingHook);
        folder.hooks("viaoption", printingHook);
        Path journal = root.resolve("journal.jsonl");
        KomposeProcess kompose = new KomposeProcess().environment("KOMPOSE_JOURNAL", journal.toString());
        String[] withPassword = {"-C", root.toString(), "-e", "DB_PASSWORD=" + PostgresServer.PASSWORD};

        List<KomposeProcess.Result> results = new ArrayList<>();
        results.add(kompose.run(join(withPassword, "*", "db:export")));
        results.add(kompose.run(join(withPassword, "*", "db:export", "--dry-run")));
        results.add(kompose.run(join(withPassword, "*", "db:import", "--dry-run")));
        results.add(kompose.run(join(withPassword, "*", "db:import")));
        results.add(kompose.run(join(withPassword, "-n", "*", "db:cleanup", "--keep", "0")));
        results.add(kompose.run(join(withPassword, "*", "db:list")));
        results.add(kompose.run("-C", root.toString(), "--list"));
        results.add(kompose.run(join(withPassword, "-e", "DB_PORT=1", "*", "db:export")));
        results.add(kompose.run(join(withPassword, "*", "db:import", "/nonexistent/" + PostgresServer.PASSWORD + ".sql")));
        results.add(kompose.run("journal", "--last", "0"));
        results.add(kompose.run("journal", "--json"));

        assertEquals(0, results.get(0).exitCode(), results.get(0).toString());
        assertTrue(results.get(0).out().contains("pw=***"), "the hook got the password, the output shows it masked: "
                + results.get(0));
        assertEquals(0, results.get(3).exitCode(), results.get(3).toString());
        assertEquals(1, results.get(7).exitCode(), "the unreachable port fails: " + results.get(7));
        for (KomposeProcess.Result result : results) {
            assertFalse(result.all().contains(PostgresServer.PASSWORD), "password leaked:\n" + result);
        }
        String journalText = Files.readString(journal);
        assertTrue(journalText.lines().count() >= 6, journalText);
        assertFalse(journalText.contains(PostgresServer.PASSWORD), "password in the journal:\n" + journalText);
        for (Path dump : (Iterable<Path>) Files.walk(root).filter(path -> path.toString().endsWith(".sql"))::iterator) {
            assertFalse(Files.readString(dump).contains(PostgresServer.PASSWORD), "password in " + dump);
        }
        assertFalse(Files.readString(root.resolve("viaenv").resolve(StackLock.FILE_NAME)).contains(PostgresServer.PASSWORD));
    }

    @Test
    void theStepPromptMasksThePassword() {
        List<String> asked = new ArrayList<>();
        dev.kompose.plan.Stage destructive = new dev.kompose.db.RemoveDumpStage(Path.of("/x/" + PostgresServer.PASSWORD),
                "a test");
        dev.kompose.plan.StackPlan stack = new dev.kompose.plan.StackPlan("app", dev.kompose.testing.TestOperation.FOLDER, List.of(destructive), List.of(), "",
                List.of(), java.util.Set.of(PostgresServer.PASSWORD));
        new dev.kompose.cli.ConfirmationGate(question -> {
            asked.add(question);
            return "n";
        }).beforeStack(stack);
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).contains("delete ***"), asked.get(0));
        assertFalse(asked.get(0).contains(PostgresServer.PASSWORD));
    }

    private static String[] join(String[] first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
