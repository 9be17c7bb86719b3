package dev.kompose.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressTextTest {

    @Test
    void formatsFigures() {
        assertEquals("42%", ProgressText.percent(42));
        assertEquals("?%", ProgressText.percent(-1));
        assertEquals("210 MB / 500 MB", ProgressText.bytesOf(210_000_000, 500_000_000));
        assertEquals("1.5 MB", ProgressText.bytesOf(1_500_000, -1));
        assertEquals("85.0 MB/s", ProgressText.rate(85_000_000));
        assertEquals("-", ProgressText.rate(-1));
        assertEquals("1:05", ProgressText.eta(Optional.of(Duration.ofSeconds(65))));
        assertEquals("2:00:03", ProgressText.eta(Optional.of(Duration.ofSeconds(7203))));
        assertEquals("-", ProgressText.eta(Optional.empty()));
        assertEquals("####......", ProgressText.bar(42, 10));
        assertEquals("##########", ProgressText.bar(100, 10));
        assertEquals("   ", ProgressText.bar(-1, 3));
    }
}
