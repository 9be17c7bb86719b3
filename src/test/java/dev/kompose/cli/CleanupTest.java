package dev.kompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.KomposeProcess;
import dev.kompose.testing.StackFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db:cleanup deletes only dumps kompose named, keeps the newest complete ones, and never a hand-named backup. */
class CleanupTest {
    private static final String COMPLETE = "--\n-- PostgreSQL database dump complete\n--\n";

    @Test
    void keepsTheNewestCompleteDumpsAndLeavesHandNamedFilesAlone(@TempDir Path root) throws Exception {
        Path stack = new StackFolder(root).databaseStackWithoutServer("app");
        for (String name : List.of("app_20250101_000000.sql", "app_20250102_000000.sql", "app_20250103_000000.sql")) {
            Files.writeString(stack.resolve(name), COMPLETE);
        }
        Files.writeString(stack.resolve("app_20250104_000000.sql"), "-- killed half-way");
        Files.writeString(stack.resolve("app_20250105_000000.sql.kompose-partial"), "-- in progress");
        Files.writeString(stack.resolve("app_before_upgrade.sql"), COMPLETE);
        Files.writeString(stack.resolve("app_manual.sql"), COMPLETE);

        KomposeProcess.Result result = new KomposeProcess().run("-C", root.toString(), "app", "db:cleanup", "--keep", "2");

        assertEquals(0, result.exitCode(), result.toString());
        try (var files = Files.list(stack)) {
            // the lock stage also removes the partial file a killed export left (no export can run under the lock)
            assertEquals(List.of(".env", ".kompose.lock", "app_20250102_000000.sql", "app_20250103_000000.sql",
                    "app_20250104_000000.sql", "app_before_upgrade.sql", "app_manual.sql", "compose.yaml"),
                    files.map(path -> path.getFileName().toString()).sorted().toList());
        }
        assertTrue(result.out().contains("deleted app_20250101_000000.sql"), result.out());

        KomposeProcess.Result listing = new KomposeProcess().run("-C", root.toString(), "app", "db:list");
        assertTrue(listing.out().contains("app_20250104_000000.sql") && listing.out().contains("INCOMPLETE"), listing.out());
    }

    @Test
    void aKilledExportNeverMakesCleanupDeleteTheGoodDump(@TempDir Path root) throws Exception {
        Path stack = new StackFolder(root).databaseStackWithoutServer("app");
        Files.writeString(stack.resolve("app_20250101_000000.sql"), COMPLETE);
        Files.writeString(stack.resolve("app_20250102_000000.sql"), "-- a partial file from the old script");

        KomposeProcess.Result result = new KomposeProcess().run("-C", root.toString(), "app", "db:cleanup");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(Files.exists(stack.resolve("app_20250101_000000.sql")), "the good dump was deleted");
    }

    @Test
    void calendarRulesKeepTheirBucketsAndManifestsGoWithTheirDumps(@TempDir Path root) throws Exception {
        Path stack = new StackFolder(root).databaseStackWithoutServer("app");
        // 2 March (Sunday, ISO week 9), 3 and 4 March (week 10), two dumps on 4 March; February's last
        for (String name : List.of("app_20250228_020000.sql", "app_20250302_020000.sql", "app_20250303_020000.sql",
                "app_20250304_020000.sql", "app_20250304_140000.sql")) {
            Files.writeString(stack.resolve(name), COMPLETE);
            Files.writeString(stack.resolve(name + ".manifest.json"), "{}");
        }
        Files.writeString(stack.resolve("app_old_by_hand.sql"), COMPLETE);

        KomposeProcess.Result dryRun = new KomposeProcess().run("-C", root.toString(), "-n", "app", "db:cleanup",
                "--keep-daily", "2", "--keep-weekly", "2");
        assertEquals(0, dryRun.exitCode(), dryRun.toString());
        assertTrue(dryRun.out().contains("keep app_20250304_140000.sql (newest, daily #1, weekly #1)"), dryRun.out());
        assertTrue(dryRun.out().contains("keep app_20250303_020000.sql (daily #2)"), dryRun.out());
        assertTrue(dryRun.out().contains("keep app_20250302_020000.sql (weekly #2)"), dryRun.out());
        assertTrue(dryRun.out().contains("delete app_20250304_020000.sql (kept by no rule of --keep-daily 2 --keep-weekly 2)"),
                dryRun.out());

        KomposeProcess.Result result = new KomposeProcess().run("-C", root.toString(), "app", "db:cleanup",
                "--keep-daily", "2", "--keep-weekly", "2");

        assertEquals(0, result.exitCode(), result.toString());
        try (var files = Files.list(stack)) {
            assertEquals(List.of(".env", ".kompose.lock", "app_20250302_020000.sql", "app_20250302_020000.sql.manifest.json",
                    "app_20250303_020000.sql", "app_20250303_020000.sql.manifest.json", "app_20250304_140000.sql",
                    "app_20250304_140000.sql.manifest.json", "app_old_by_hand.sql", "compose.yaml"),
                    files.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }
}
