package dev.kompose.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StackPatternTest {
    private static final List<Stack> STACKS = List.of("auth", "blog", "blog-staging", "my stack", "news", "views").stream()
            .map(name -> new Stack(name, Path.of("/root", name), Path.of("/root", name, "compose.yaml"))).toList();

    private static String select(String pattern) {
        return String.join(",", StackPattern.parse(pattern).select(STACKS).stream().map(Stack::name).toList());
    }

    @ParameterizedTest(name = "{0} selects {1}")
    @CsvSource(delimiter = '|', value = {
        "*|auth,blog,blog-staging,my stack,news,views",
        "blog|blog",
        "blog*|blog,blog-staging",
        "?ews|news",
        "news,auth|auth,news",
        " news , auth |auth,news",
        "auth,news,b*|auth,blog,blog-staging,news",
        "b*,blog,*log|blog,blog-staging",
        "my stack|my stack",
        "*iew?|views",
        "[ab]*|auth,blog,blog-staging"})
    void selectsInStackOrderWithoutDuplicates(String pattern, String expected) {
        assertEquals(expected, select(pattern));
    }

    @Test
    void aPatternMatchingNothingNamesTheAvailableStacks() {
        StackPattern.PatternException error = assertThrows(StackPattern.PatternException.class, () -> select("nwes"));
        assertEquals("Stack pattern \"nwes\" matches no stack. Available stacks: auth, blog, blog-staging, my stack, news, views",
                error.getMessage());
    }

    @Test
    void everyItemOfAListMustMatchSoATypoIsNotSilentlyDropped() {
        StackPattern.PatternException error = assertThrows(StackPattern.PatternException.class, () -> select("auth,nwes,x*"));
        assertEquals("Stack pattern \"nwes\", \"x*\" match no stack. Available stacks: auth, blog, blog-staging, my stack,"
                + " news, views", error.getMessage());
    }

    @Test
    void anEmptyPatternIsRefused() {
        assertThrows(StackPattern.PatternException.class, () -> StackPattern.parse(" , "));
    }

    @Test
    void aMalformedGlobIsAClearError() {
        StackPattern.PatternException error = assertThrows(StackPattern.PatternException.class, () -> select("[abc"));
        assertEquals(true, error.getMessage().startsWith("Invalid stack pattern \"[abc\""), error.getMessage());
    }
}
