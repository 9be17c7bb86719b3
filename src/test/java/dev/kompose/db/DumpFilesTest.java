package dev.kompose.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpFilesTest {
    private static final String COMPLETE = "--\n-- PostgreSQL database dump\n--\nCREATE TABLE t ();\n--\n"
            + "-- PostgreSQL database dump complete\n--\n\n\\unrestrict abc\n";

    @Test
    void namesDumpsLikeTheOriginalAndNumbersSameSecondOnes() {
        LocalDateTime time = LocalDateTime.of(2025, 10, 11, 0, 50, 49);
        assertEquals("directus_20251011_005049.sql", DumpFiles.fileName("directus", time, 1));
        assertEquals("directus_20251011_005049-2.sql", DumpFiles.fileName("directus", time, 2));
        assertEquals("20990102_030405", DumpFiles.timestamp(LocalDateTime.of(2099, 1, 2, 3, 4, 5)));
        assertEquals("09991231_235959", DumpFiles.timestamp(LocalDateTime.of(999, 12, 31, 23, 59, 59)));
    }

    @Test
    void aNameWhoseDigitsAreNoDateIsNoDump(@TempDir Path folder) throws Exception {
        for (String name : List.of("app_20250230_000000.sql", "app_20250101_250000.sql", "app_20250101_000000.sql")) {
            Files.writeString(folder.resolve(name), COMPLETE);
        }
        List<DumpFile> dumps = DumpFiles.list(folder, "app");
        assertEquals(List.of("app_20250101_000000.sql"), dumps.stream().map(DumpFile::fileName).toList());
        assertEquals(LocalDateTime.of(2025, 1, 1, 0, 0, 0), dumps.get(0).timestamp());
    }

    @Test
    void listsOnlyKomposeNamedDumpsOfThisDatabaseNewestFirst(@TempDir Path folder) throws Exception {
        for (String name : List.of("app_20250101_000000.sql", "app_20250102_000000.sql", "app_20250102_000000-2.sql",
                "app_before_upgrade.sql", "app_manual_backup_20250103.sql", "app_20250104_000000.sql.kompose-partial",
                "app_2025_01_05.sql", "other_20250106_000000.sql", "app-x_20250107_000000.sql", "app_20251399_000000.sql")) {
            Files.writeString(folder.resolve(name), COMPLETE);
        }

        List<String> names = DumpFiles.list(folder, "app").stream().map(DumpFile::fileName).toList();

        assertEquals(List.of("app_20250102_000000-2.sql", "app_20250102_000000.sql", "app_20250101_000000.sql"), names);
    }

    @Test
    void aDatabaseNameWithRegexCharactersIsMatchedLiterally(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a.b_20250101_000000.sql"), COMPLETE);
        Files.writeString(folder.resolve("axb_20250101_000000.sql"), COMPLETE);

        assertEquals(List.of("a.b_20250101_000000.sql"),
                DumpFiles.list(folder, "a.b").stream().map(DumpFile::fileName).toList());
    }

    @Test
    void aDatabaseNamedLikeAnotherDatabasesDumpKeepsOnlyItsOwn(@TempDir Path folder) throws Exception {
        // one name pattern for every database: group 1 must be the whole database name, not a prefix or suffix
        for (String name : List.of("app_20250101_000000_20250102_000000.sql", "app_20250101_000000.sql",
                "my_app_20250103_000000.dump", "app_20250104_000000-3.sql.gz", "missing")) {
            Files.writeString(folder.resolve(name), COMPLETE);
        }

        assertEquals(List.of("app_20250101_000000_20250102_000000.sql"),
                DumpFiles.list(folder, "app_20250101_000000").stream().map(DumpFile::fileName).toList());
        assertEquals(List.of("app_20250104_000000-3.sql.gz", "app_20250101_000000.sql"),
                DumpFiles.list(folder, "app").stream().map(DumpFile::fileName).toList());
        assertEquals(List.of("my_app_20250103_000000.dump"),
                DumpFiles.list(folder, "my_app").stream().map(DumpFile::fileName).toList());
        assertEquals(3, DumpFiles.list(folder, "app").get(0).sequence());
    }

    @Test
    void aMissingFolderHasNoDumps(@TempDir Path folder) throws Exception {
        assertEquals(List.of(), DumpFiles.list(folder.resolve("gone"), "app"));
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
        assertEquals(List.of(), DumpFiles.list(file, "app"));
    }

    @Test
    void completenessNeedsPgDumpsClosingLine(@TempDir Path folder) throws Exception {
        Path complete = Files.writeString(folder.resolve("complete.sql"), COMPLETE);
        Path truncated = Files.writeString(folder.resolve("truncated.sql"), COMPLETE.substring(0, 40));
        Path empty = Files.writeString(folder.resolve("empty.sql"), "");
        Path custom = Files.writeString(folder.resolve("custom.sql"), "PGDMP\u0001\u000e");

        assertTrue(DumpFiles.isComplete(complete));
        assertFalse(DumpFiles.isComplete(truncated));
        assertEquals("empty.sql is empty", DumpFiles.completenessProblem(empty).orElseThrow());
        assertTrue(DumpFiles.completenessProblem(truncated).orElseThrow().contains("is not a complete pg_dump file"));
        assertTrue(DumpFiles.completenessProblem(custom).isPresent(), "a custom archive cut after its magic bytes");
        assertTrue(DumpFiles.completenessProblem(folder.resolve("missing.sql")).orElseThrow().endsWith("does not exist"));
    }

    @Test
    void newestCompleteSkipsAnUnfinishedNewerDump(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("app_20250101_000000.sql"), COMPLETE);
        Files.writeString(folder.resolve("app_20250102_000000.sql"), COMPLETE.substring(0, 30));

        assertEquals("app_20250101_000000.sql",
                DumpFiles.newestComplete(DumpFiles.list(folder, "app")).orElseThrow().fileName());
    }
}
