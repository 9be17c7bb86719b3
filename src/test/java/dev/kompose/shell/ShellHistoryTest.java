package dev.kompose.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellHistoryTest {
    @Test
    void linesAssigningASecretAreNotKept() {
        assertTrue(ShellHistory.assignsSecret("set DB_PASSWORD=hunter2"));
        assertTrue(ShellHistory.assignsSecret("-e 'POSTGRES_PASSWORD=x' news db:export"));
        assertFalse(ShellHistory.assignsSecret("set DB_HOST=10.0.0.5"));
        assertFalse(ShellHistory.assignsSecret("news db:export"));
        ShellHistory history = new ShellHistory();
        history.add("set DB_PASSWORD=hunter2");
        history.add("news ps");
        assertEquals(1, history.size());
        assertEquals("news ps", history.get(history.last()));
    }

    @Test
    void theFileLivesInThePerUserStateFolder() {
        assertEquals(Path.of("/s/kompose/history"), ShellHistory.file(Map.of("XDG_STATE_HOME", "/s", "HOME", "/h")));
        assertEquals(Path.of("/h/.local/state/kompose/history"), ShellHistory.file(Map.of("HOME", "/h")));
        assertEquals(Path.of("/h/.local/state/kompose/history"), ShellHistory.file(Map.of("XDG_STATE_HOME", "relative", "HOME", "/h")));
    }
}
