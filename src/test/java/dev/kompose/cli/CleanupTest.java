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
}
