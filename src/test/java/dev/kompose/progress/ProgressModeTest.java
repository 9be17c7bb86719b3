package dev.kompose.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressModeTest {
    private static final Map<String, String> XTERM = Map.of("TERM", "xterm-256color");

    @Test
    void thePanelOpensOnlyOnAConsoleWithARealTermAWidthAndNoCi() {
        assertTrue(ProgressMode.panelPossible(true, XTERM, 80));
        assertFalse(ProgressMode.panelPossible(false, XTERM, 80), "no console: pipes, cron, ssh without a tty");
        assertFalse(ProgressMode.panelPossible(true, Map.of(), 80), "TERM unset");
        assertFalse(ProgressMode.panelPossible(true, Map.of("TERM", "dumb"), 80));
        assertFalse(ProgressMode.panelPossible(true, Map.of("TERM", "dumb-emacs"), 80));
        assertFalse(ProgressMode.panelPossible(true, XTERM, 0), "no width");
        assertFalse(ProgressMode.panelPossible(true, Map.of("TERM", "xterm", "CI", "true"), 80));
    }

    @Test
    void autoAndPanelBecomePlainWhereThePanelCannotOpen() {
        assertEquals(ProgressMode.PANEL, ProgressMode.AUTO.resolve(true));
        assertEquals(ProgressMode.PLAIN, ProgressMode.AUTO.resolve(false));
        assertEquals(ProgressMode.PLAIN, ProgressMode.PANEL.resolve(false));
        assertEquals(ProgressMode.NONE, ProgressMode.NONE.resolve(true));
        assertEquals(ProgressMode.PLAIN, ProgressMode.PLAIN.resolve(true));
        assertEquals(ProgressMode.NONE, ProgressMode.parse(" None "));
        assertThrows(IllegalArgumentException.class, () -> ProgressMode.parse("fancy"));
    }
}
