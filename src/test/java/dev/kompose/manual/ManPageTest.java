package dev.kompose.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** kompose(1) comes from the command model: what is declared there is in the page. */
class ManPageTest {
    private final String page = ManPage.render(ManPage.commandModel(), LocalDate.of(2026, 11, 29));

    @Test
    void hasTheSectionsOfAManPage() {
        assertTrue(page.startsWith(".\\\" Generated from kompose's command model"), page);
        assertTrue(page.contains(".TH KOMPOSE 1 \"2026-11-29\""), page);
        for (String section : new String[] {".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH ARGUMENTS",
                ".SH COMMANDS", ".SH EXAMPLES", ".SH COMMANDS IN DETAIL"}) {
            assertTrue(page.contains("\n" + section + "\n"), section + "\n" + page);
        }
    }

    @Test
    void documentsEveryVisibleOptionAndTheShellButNotInternalCommands() {
        assertTrue(page.contains("\\fB\\-n\\fR, \\fB\\-\\-dry\\-run\\fR"), page);
        assertTrue(page.contains("\\fB\\-C\\fR, \\fB\\-\\-root\\fR \\fIDIR\\fR"), page);
        assertTrue(page.contains(".SS kompose shell"), page);
        assertTrue(page.contains(".SS kompose <PATTERN> db:import [FILE] [\\-\\-keep\\-previous]"), page);
        assertFalse(page.contains("__complete"), page);
    }

    @Test
    void escapesRoff() {
        assertEquals("a \\e b \\-\\-x", ManPage.escape("a \\ b --x"));
        assertEquals("\\&.not a request", ManPage.escape(".not a request"));
        assertEquals("bold text", ManPage.plain("@|bold bold text|@"));
    }
}
