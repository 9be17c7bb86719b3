package dev.kompose.tui;

import dev.kompose.progress.ProgressSnapshot;
import dev.kompose.progress.ProgressText;
import java.util.ArrayList;
import java.util.List;

/**
 * The panel as lines of text for a given size: a title, a header, one row per stack (a window of
 * them when they do not fit), the last lines of hook and tool output, and a footer with the keys.
 * Pure, so that the layout is tested without a terminal; {@link PanelComponent} draws it.
 */
final class PanelLayout {
    static final int NAME_WIDTH = 12;
    static final int STAGE_WIDTH = 14;
    static final int PERCENT_WIDTH = 4;
    static final int BYTES_WIDTH = 17;
    static final int RATE_WIDTH = 10;
    static final int ETA_WIDTH = 7;
    static final int MINIMUM_BAR_WIDTH = 5;
    static final int MINIMUM_OUTPUT_LINES = 3;

    /** What a row of the layout is, so the component can colour it. */
    enum LineKind { TITLE, HEADER, STACK_RUNNING, STACK_DONE, STACK_FAILED, STACK_OTHER, SEPARATOR, OUTPUT, FOOTER }

    record Line(LineKind kind, String text) {
    }

    private final int width;
    private final int height;
    private final boolean showBytes;
    private final boolean showRate;
    private final int barWidth;

    PanelLayout(int width, int height) {
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        int fixed = NAME_WIDTH + 1 + STAGE_WIDTH + 1 + PERCENT_WIDTH + 1;
        int withAll = fixed + BYTES_WIDTH + 1 + RATE_WIDTH + 1 + ETA_WIDTH + 1;
        int withBytes = fixed + BYTES_WIDTH + 1;
        if (this.width - withAll >= MINIMUM_BAR_WIDTH) {
            showBytes = true;
            showRate = true;
            barWidth = Math.min(30, this.width - withAll);
        } else if (this.width - withBytes >= MINIMUM_BAR_WIDTH) {
            showBytes = true;
            showRate = false;
            barWidth = this.width - withBytes;
        } else {
            showBytes = false;
            showRate = false;
            barWidth = Math.max(0, this.width - fixed);
        }
    }

    /** Stack rows that fit, leaving room for the title, header, output and footer. */
    int stackRows(int stackCount) {
        int available = height - 3;
        int outputRoom = Math.min(MINIMUM_OUTPUT_LINES + 1, Math.max(0, available - 1));
        return Math.max(0, Math.min(stackCount, available - outputRoom));
    }

    /** The first row shown so that scrollOffset stays within what can be scrolled to. */
    int clampScroll(int scrollOffset, int stackCount) {
        return Math.max(0, Math.min(scrollOffset, stackCount - stackRows(stackCount)));
    }

    List<Line> render(String title, List<ProgressSnapshot> stacks, List<String> output, int scrollOffset) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(LineKind.TITLE, fit(title + "  " + counts(stacks), width)));
        lines.add(new Line(LineKind.HEADER, fit(header(), width)));
        int rows = stackRows(stacks.size());
        int first = clampScroll(scrollOffset, stacks.size());
        for (int index = first; index < first + rows; index++) {
            ProgressSnapshot row = stacks.get(index);
            lines.add(new Line(kindOf(row), fit(row(row), width)));
        }
        int outputLines = height - lines.size() - 2;
        if (outputLines > 0) {
            lines.add(new Line(LineKind.SEPARATOR, fit("-- output " + "-".repeat(width), width)));
            List<String> last = output.subList(Math.max(0, output.size() - outputLines), output.size());
            for (String text : last) {
                lines.add(new Line(LineKind.OUTPUT, fit(clean(text), width)));
            }
            while (lines.size() < height - 1) {
                lines.add(new Line(LineKind.OUTPUT, fit("", width)));
            }
        }
        while (lines.size() < height - 1) {
            lines.add(new Line(LineKind.OUTPUT, fit("", width)));
        }
        String scroll = stacks.size() > rows ? "  rows " + (first + 1) + "-" + (first + rows) + " of " + stacks.size()
                + "  Up/Down PgUp/PgDn scroll" : "";
        lines.add(new Line(LineKind.FOOTER, fit(" q / Ctrl-C: cancel" + scroll, width)));
        return lines.subList(0, Math.min(lines.size(), height));
    }

    private String header() {
        StringBuilder text = new StringBuilder();
        text.append(fit("STACK", NAME_WIDTH)).append(' ').append(fit("STAGE", STAGE_WIDTH)).append(' ')
                .append(fit("PROGRESS", barWidth)).append(' ').append(fit("   %", PERCENT_WIDTH));
        if (showBytes) {
            text.append(' ').append(fit("BYTES", BYTES_WIDTH));
        }
        if (showRate) {
            text.append(' ').append(fit("RATE", RATE_WIDTH)).append(' ').append(fit("ETA", ETA_WIDTH));
        }
        return text.toString();
    }

    private String row(ProgressSnapshot row) {
        StringBuilder text = new StringBuilder();
        text.append(fit(row.stackName(), NAME_WIDTH)).append(' ').append(fit(stageText(row), STAGE_WIDTH));
        if (!row.hasTransfer() && row.status().finished()) {
            return text.append(' ').append(clean(row.result())).toString();
        }
        text.append(' ')
                .append(ProgressText.bar(row.hasTransfer() ? row.percent() : -1, barWidth)).append(' ')
                .append(right(row.hasTransfer() ? ProgressText.percent(row.percent()) : "", PERCENT_WIDTH));
        if (showBytes) {
            text.append(' ').append(fit(row.hasTransfer() ? ProgressText.bytesOf(row.bytesDone(), row.bytesExpected()) : "",
                    BYTES_WIDTH));
        }
        if (row.status().finished()) {
            if (!row.result().isEmpty()) {
                text.append(' ').append(clean(row.result()));
            }
        } else if (showRate) {
            text.append(' ').append(fit(row.bytesPerSecond() >= 0 ? ProgressText.rate(row.bytesPerSecond()) : "", RATE_WIDTH))
                    .append(' ').append(fit(row.eta().isPresent() ? ProgressText.eta(row.eta()) : "", ETA_WIDTH));
        }
        return text.toString();
    }

    private static String stageText(ProgressSnapshot row) {
        if (row.status() == ProgressSnapshot.Status.RUNNING) {
            return row.stage().isEmpty() ? "starting" : row.stage();
        }
        return row.status().label();
    }

    private static LineKind kindOf(ProgressSnapshot row) {
        return switch (row.status()) {
            case RUNNING -> LineKind.STACK_RUNNING;
            case SUCCEEDED, SKIPPED -> LineKind.STACK_DONE;
            case FAILED, CANCELLED -> LineKind.STACK_FAILED;
            default -> LineKind.STACK_OTHER;
        };
    }

    private static String counts(List<ProgressSnapshot> stacks) {
        long done = stacks.stream().filter(row -> row.status() == ProgressSnapshot.Status.SUCCEEDED
                || row.status() == ProgressSnapshot.Status.SKIPPED).count();
        long failed = stacks.stream().filter(row -> row.status() == ProgressSnapshot.Status.FAILED
                || row.status() == ProgressSnapshot.Status.CANCELLED).count();
        return stacks.size() + (stacks.size() == 1 ? " stack" : " stacks") + ": " + done + " done, " + failed + " failed";
    }

    /** Control characters (escape sequences from a hook's output) would move the cursor: they become '?'. */
    static String clean(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(point -> cleaned.appendCodePoint(
                point == '\t' ? ' ' : Character.isISOControl(point) ? '?' : point));
        return cleaned.toString();
    }

    /** text cut or padded to exactly width characters. */
    static String fit(String text, int width) {
        if (width <= 0) {
            return "";
        }
        if (text.length() > width) {
            return width > 1 ? text.substring(0, width - 1) + "~" : text.substring(0, width);
        }
        return text + " ".repeat(width - text.length());
    }

    private static String right(String text, int width) {
        return text.length() >= width ? text.substring(0, width) : " ".repeat(width - text.length()) + text;
    }
}
