package dev.kompose.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kompose.testing.BashCompletion;
import dev.kompose.testing.StackFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated bash completion script, loaded into a real bash and driven the way bash drives it. */
class BashCompletionTest {
    @TempDir
    Path root;
    @TempDir
    Path bin;
    private BashCompletion bash;

    @BeforeEach
    void install() throws Exception {
        StackFolder folder = new StackFolder(root);
        folder.stackWithoutDatabase("news");
        folder.stackWithoutDatabase("blog");
        folder.stackWithoutDatabase("billing");
        folder.env("news", "DB_NAME=newsdb\n");
        Files.writeString(root.resolve("news/newsdb_20250101_120000.sql"), "x");
        Files.writeString(root.resolve("news/newsdb_20251011_005049.sql"), "x");
        bash = BashCompletion.install(bin, root);
    }

    /** Runs the completion function for the line as typed (cursor at the end) and returns COMPREPLY. */
    private List<String> complete(String line) throws Exception {
        BashCompletion.Reply reply = bash.complete(line);
        assertTrue(reply.errors().contains("complete -F _kompose kompose"), "the script registers itself: " + reply.errors());
        return reply.candidates();
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
