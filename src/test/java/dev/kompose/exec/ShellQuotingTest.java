package dev.kompose.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuotingTest {
    @Test
    void wordsAShellLeavesAloneAreNotQuoted() {
        assertEquals("docker compose -f compose.yaml ps", ShellQuoting.join(List.of("docker", "compose", "-f", "compose.yaml", "ps")));
        assertEquals("PGPASSWORD=x user@host:5432 a,b %s +1 ./dir/file", ShellQuoting.join(
                List.of("PGPASSWORD=x", "user@host:5432", "a,b", "%s", "+1", "./dir/file")));
    }

    @Test
    void everythingElseIsSingleQuotedWithQuotesEscaped() {
        assertEquals("''", ShellQuoting.quote(""));
        assertEquals("'two words'", ShellQuoting.quote("two words"));
        assertEquals("'it'\\''s'", ShellQuoting.quote("it's"));
        assertEquals("'$HOME'", ShellQuoting.quote("$HOME"));
        assertEquals("'a*'", ShellQuoting.quote("a*"));
        assertEquals("'caf\u00e9'", ShellQuoting.quote("caf\u00e9"), "non-ASCII letters are quoted, as a POSIX shell needs in a C locale");
        assertEquals("'SELECT 1;\nSELECT 2;'", ShellQuoting.quote("SELECT 1;\nSELECT 2;"));
        assertEquals("psql -c 'SELECT 1' ''", ShellQuoting.join(List.of("psql", "-c", "SELECT 1", "")));
    }
}
