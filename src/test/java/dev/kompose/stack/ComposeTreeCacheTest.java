package dev.kompose.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.compose.ComposeFacts;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsed compose files remembered between runs: used only for the very bytes they were parsed from. */
class ComposeTreeCacheTest {
    @TempDir
    Path folder;
    private Map<String, String> environment;

    @BeforeEach
    void cacheHome() {
        environment = Map.of("XDG_CACHE_HOME", folder.resolve("cache").toString(), "HOME", "/nonexistent");
        ComposeTreeCache.forgetLoaded();
    }

    @AfterEach
    void forget() {
        ComposeTreeCache.forgetLoaded();
    }

    private Path stacksRoot() {
        return folder.resolve("stacks");
    }

    /** As the next kompose process would find it. */
    private ComposeTreeCache nextRun() {
        ComposeTreeCache.forgetLoaded();
        return ComposeTreeCache.of(environment, stacksRoot());
    }

    @Test
    void everyTypeOfTheCoreSchemaComesBackAsItWas() {
        Map<Object, Object> tree = new LinkedHashMap<>();
        tree.put("text", "Grüße \u2603 ${DB_PASSWORD:-x}");
        tree.put("long text", "x".repeat(70_000));
        tree.put("int", 5432);
        tree.put("long", 5_000_000_000L);
        tree.put("big", new BigInteger("123456789012345678901234567890"));
        tree.put("double", 1.5);
        tree.put("infinity", Double.POSITIVE_INFINITY);
        tree.put("yes", true);
        tree.put("no", false);
        tree.put("nothing", null);
        tree.put(8080, "an integer key");
        tree.put("list", new ArrayList<>(List.of("a", 1, List.of())));
        tree.put("set", new LinkedHashSet<>(Set.of("only")));
        tree.put("nested", new LinkedHashMap<>(Map.of("services", new LinkedHashMap<>(Map.of("db", "postgres")))));
        byte[] binary = {0, 1, 2, (byte) 255};
        tree.put("binary", binary);
        Path compose = folder.resolve("compose.yaml");
        byte[] content = "services: {}\n".getBytes(StandardCharsets.UTF_8);

        ComposeTreeCache cache = ComposeTreeCache.of(environment, stacksRoot());
        cache.remember(compose, content, tree);
        cache.save();
        Optional<Object> back = nextRun().tree(compose, content);

        assertTrue(back.isPresent(), "remembered across runs");
        @SuppressWarnings("unchecked")
        Map<Object, Object> read = (Map<Object, Object>) back.get();
        assertArrayEquals(binary, (byte[]) read.remove("binary"));
        tree.remove("binary");
        assertEquals(tree, read);
        assertEquals(List.copyOf(tree.keySet()), List.copyOf(read.keySet()), "mapping order kept");
        assertEquals(Integer.class, read.get("int").getClass(), "an int stays an Integer, as snakeyaml made it");
        assertEquals(Long.class, read.get("long").getClass());
    }

    @Test
    void bytesThatDifferInAnyWayAreParsedAgain() {
        Path compose = folder.resolve("compose.yaml");
        byte[] content = "image: postgres:16\n".getBytes(StandardCharsets.UTF_8);
        ComposeTreeCache cache = ComposeTreeCache.of(environment, stacksRoot());
        cache.remember(compose, content, Map.of("image", "postgres:16"));
        cache.save();
        ComposeTreeCache next = nextRun();
        assertTrue(next.tree(compose, content).isPresent());
        assertFalse(next.tree(compose, "image: postgres:17\n".getBytes(StandardCharsets.UTF_8)).isPresent(), "same length, one byte");
        assertFalse(next.tree(folder.resolve("other/compose.yaml"), content).isPresent(), "another file with the same text");
    }

    @Test
    void whatTheSchemaDoesNotMakeIsNotKept() {
        Path compose = folder.resolve("compose.yaml");
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        ComposeTreeCache cache = ComposeTreeCache.of(environment, stacksRoot());
        cache.remember(compose, content, Map.of("when", java.time.Instant.EPOCH));
        List<Object> recursive = new ArrayList<>();
        recursive.add(recursive);
        cache.remember(folder.resolve("recursive.yaml"), content, recursive);
        Object deep = "bottom";
        for (int level = 0; level <= ComposeTreeCache.MAXIMUM_DEPTH; level++) {
            deep = List.of(deep);
        }
        cache.remember(folder.resolve("deep.yaml"), content, deep);
        cache.save();
        assertFalse(Files.exists(cache.file()), "nothing was kept, nothing written");
        assertFalse(nextRun().tree(compose, content).isPresent());
    }

    @Test
    void aDamagedOrForeignFileIsIgnoredAndReplaced() throws IOException {
        Path compose = folder.resolve("compose.yaml");
        byte[] content = "a: 1\n".getBytes(StandardCharsets.UTF_8);
        ComposeTreeCache cache = ComposeTreeCache.of(environment, stacksRoot());
        cache.remember(compose, content, Map.of("a", 1));
        cache.save();
        Path file = cache.file();
        byte[] good = Files.readAllBytes(file);
        for (byte[] damaged : List.of(new byte[0], "kompose compose-trees 0\n".getBytes(StandardCharsets.UTF_8),
                java.util.Arrays.copyOf(good, good.length - 3), garbageAfterHeader(good))) {
            Files.write(file, damaged);
            ComposeTreeCache next = nextRun();
            assertFalse(next.tree(compose, content).isPresent(), "damaged: " + damaged.length + " bytes");
            next.remember(compose, content, Map.of("a", 1));
            next.save();
            assertTrue(nextRun().tree(compose, content).isPresent(), "replaced by a good file");
        }
    }

    private static byte[] garbageAfterHeader(byte[] good) {
        byte[] garbage = good.clone();
        for (int index = 40; index < garbage.length; index++) {
            garbage[index] = (byte) 'M';
        }
        return garbage;
    }

    @Test
    void theFileIsItsOwnersOnly() throws IOException {
        ComposeTreeCache cache = ComposeTreeCache.of(environment, stacksRoot());
        cache.remember(folder.resolve("compose.yaml"), new byte[] {1}, Map.of("POSTGRES_PASSWORD", "s3cret"));
        cache.save();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.file())));
        assertEquals(folder.resolve("cache/kompose/compose-trees/stacks-"
                + Integer.toHexString(stacksRoot().toString().hashCode())), cache.file());
    }

    @Test
    void eachRootHasItsOwnFileSoARunReadsOnlyItsRootsTrees() {
        ComposeTreeCache small = ComposeTreeCache.of(environment, folder.resolve("small"));
        ComposeTreeCache large = ComposeTreeCache.of(environment, folder.resolve("large"));
        small.remember(folder.resolve("small/a/compose.yaml"), new byte[] {1}, Map.of("a", 1));
        large.remember(folder.resolve("large/b/compose.yaml"), new byte[] {2}, Map.of("b", 2));
        small.save();
        large.save();
        assertNotEquals(small.file(), large.file());
        ComposeTreeCache.forgetLoaded();
        ComposeTreeCache smallAgain = ComposeTreeCache.of(environment, folder.resolve("small"));
        assertTrue(smallAgain.tree(folder.resolve("small/a/compose.yaml"), new byte[] {1}).isPresent());
        assertFalse(smallAgain.tree(folder.resolve("large/b/compose.yaml"), new byte[] {2}).isPresent(),
                "the other root's trees are in the other file");
        assertTrue(ComposeTreeCache.of(environment, folder.resolve("large"))
                .tree(folder.resolve("large/b/compose.yaml"), new byte[] {2}).isPresent());
    }

    @Test
    void theSingleFileOfEarlierVersionsMakesWayForTheFolder() throws IOException {
        Path old = folder.resolve("cache/kompose/compose-trees");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "kompose compose-trees 1 (every root in one file)");
        ComposeTreeCache cache = ComposeTreeCache.of(environment, stacksRoot());
        cache.remember(folder.resolve("compose.yaml"), new byte[] {1}, Map.of("k", "v"));
        cache.save();
        assertTrue(Files.isDirectory(old));
        assertTrue(nextRun().tree(folder.resolve("compose.yaml"), new byte[] {1}).isPresent());
    }

    @Test
    void pastTheLimitTheLeastRecentlyWrittenRootsAreForgotten() throws IOException {
        Path trees = folder.resolve("cache/kompose/compose-trees");
        Files.createDirectories(trees);
        for (int index = 0; index < ComposeTreeCache.MAXIMUM_ROOTS; index++) {
            Path other = Files.writeString(trees.resolve("other-" + index), "x");
            Files.setLastModifiedTime(other, FileTime.fromMillis(1_000_000L * (index + 1)));
        }
        ComposeTreeCache cache = ComposeTreeCache.of(environment, stacksRoot());
        cache.remember(folder.resolve("compose.yaml"), new byte[] {1}, Map.of("k", "v"));
        cache.save();
        try (var listing = Files.list(trees)) {
            assertEquals(ComposeTreeCache.MAXIMUM_ROOTS, listing.count());
        }
        assertFalse(Files.exists(trees.resolve("other-0")), "the oldest went");
        assertTrue(Files.exists(trees.resolve("other-1")));
        assertTrue(Files.exists(cache.file()), "the file just written stays");
    }

    @Test
    void withoutACacheFolderNothingIsRemembered() {
        ComposeTreeCache none = ComposeTreeCache.of(Map.of("HOME", "relative"), stacksRoot());
        assertSame(ComposeTreeCache.none(), none);
        none.remember(folder.resolve("compose.yaml"), new byte[] {1}, Map.of());
        none.save();
        assertFalse(none.tree(folder.resolve("compose.yaml"), new byte[] {1}).isPresent());
    }

    @Test
    void theReaderGivesTheSameFactsFromMemoryAndSeesAnEditThatKeptSizeAndTime() throws IOException {
        Path compose = folder.resolve("stack/compose.yaml");
        Files.createDirectories(compose.getParent());
        String text = """
                x-env: &env
                  POSTGRES_USER: ${DB_USER}
                services:
                  db:
                    image: postgres:16-alpine
                    environment: *env
                    ports: ["127.0.0.1:5432:5432"]
                  api:
                    image: directus/directus:11
                """;
        Files.writeString(compose, text);
        FileTime written = Files.getLastModifiedTime(compose);
        Map<String, String> variables = Map.of("DB_USER", "app");
        ComposeFacts parsed = ComposeFileReader.read(compose, variables::get);

        ComposeFacts first = ComposeFileReader.read(compose, variables::get, nextRun());
        ComposeTreeCache remembered = ComposeTreeCache.of(environment, stacksRoot());
        remembered.save();
        assertTrue(nextRun().tree(compose, Files.readAllBytes(compose)).isPresent(), "the first read remembered the tree");
        ComposeFacts fromMemory = ComposeFileReader.read(compose, variables::get, nextRun());
        assertEquals(parsed, first);
        assertEquals(parsed, fromMemory);

        Files.writeString(compose, text.replace("postgres:16-alpine", "postgres:17-alpine"));
        Files.setLastModifiedTime(compose, written);
        ComposeFacts edited = ComposeFileReader.read(compose, variables::get, nextRun());
        assertEquals(ComposeFileReader.read(compose, variables::get), edited);
        assertTrue(edited.toString().contains("postgres:17-alpine"), edited.toString());
    }
}
