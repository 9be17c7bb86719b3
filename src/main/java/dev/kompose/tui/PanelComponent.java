package dev.kompose.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import dev.kompose.progress.ProgressSnapshot;
import java.util.List;

/**
 * Draws {@link PanelLayout} over the whole window. Its model changes only on the GUI thread
 * (through {@code invokeLater}), so drawing never sees half an update.
 */
final class PanelComponent extends AbstractComponent<PanelComponent> {
    private final String title;
    private List<ProgressSnapshot> stacks = List.of();
    private List<String> output = List.of();
    private int scrollOffset;
    private int lastHeight = 24;

    PanelComponent(String title) {
        this.title = title;
    }

    /** New figures; call on the GUI thread. */
    void update(List<ProgressSnapshot> newStacks, List<String> newOutput) {
        this.stacks = List.copyOf(newStacks);
        this.output = List.copyOf(newOutput);
        invalidate();
    }

    /** Scrolls the stack rows by delta (negative: up); call on the GUI thread. */
    void scroll(int delta) {
        PanelLayout layout = new PanelLayout(getSize() == null ? 80 : getSize().getColumns(), lastHeight);
        scrollOffset = layout.clampScroll(scrollOffset + delta, stacks.size());
        invalidate();
    }

    /** How many stack rows a page holds at the current size. */
    int pageRows() {
        return Math.max(1, new PanelLayout(getSize() == null ? 80 : getSize().getColumns(), lastHeight).stackRows(stacks.size()));
    }

    @Override
    protected ComponentRenderer<PanelComponent> createDefaultRenderer() {
        return new ComponentRenderer<>() {
            @Override
            public TerminalSize getPreferredSize(PanelComponent component) {
                return new TerminalSize(80, 24);
            }

            @Override
            public void drawComponent(TextGUIGraphics graphics, PanelComponent component) {
                TerminalSize size = graphics.getSize();
                lastHeight = size.getRows();
                PanelLayout layout = new PanelLayout(size.getColumns(), size.getRows());
                scrollOffset = layout.clampScroll(scrollOffset, stacks.size());
                graphics.setBackgroundColor(TextColor.ANSI.DEFAULT);
                graphics.fill(' ');
                List<PanelLayout.Line> lines = layout.render(title, stacks, output, scrollOffset);
                for (int row = 0; row < lines.size(); row++) {
                    PanelLayout.Line line = lines.get(row);
                    graphics.setForegroundColor(colourOf(line.kind()));
                    if (line.kind() == PanelLayout.LineKind.TITLE || line.kind() == PanelLayout.LineKind.HEADER) {
                        graphics.putString(0, row, line.text(), SGR.BOLD);
                    } else if (line.kind() == PanelLayout.LineKind.FOOTER) {
                        graphics.putString(0, row, line.text(), SGR.REVERSE);
                    } else {
                        graphics.putString(0, row, line.text());
                    }
                }
            }
        };
    }

    private static TextColor colourOf(PanelLayout.LineKind kind) {
        return switch (kind) {
            case STACK_DONE -> TextColor.ANSI.GREEN;
            case STACK_FAILED -> TextColor.ANSI.RED;
            case SEPARATOR -> TextColor.ANSI.CYAN;
            default -> TextColor.ANSI.DEFAULT;
        };
    }
}
