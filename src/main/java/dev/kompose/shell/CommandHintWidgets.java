package dev.kompose.shell;

import java.util.List;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.widget.Widgets;

/**
 * A status line at the bottom of the terminal that describes, as you type, the verb or the option at
 * the cursor ({@link LineInsight#hint(String)}: summaries and option descriptions from the command
 * model). It follows the keys that type and delete (not TAB: the completion menu keeps its own loop,
 * and a key read after it must stay a Ctrl-C), and is cleared before a command runs, while a
 * question is answered and when the shell ends.
 */
final class CommandHintWidgets extends Widgets {
    private static final String PREFIX = "_kompose-hint-";
    private static final List<String> FOLLOWED = List.of(LineReader.SELF_INSERT, LineReader.BACKWARD_DELETE_CHAR,
            LineReader.DELETE_CHAR, LineReader.BACKWARD_KILL_WORD, LineReader.KILL_WORD, LineReader.KILL_LINE,
            LineReader.KILL_WHOLE_LINE, LineReader.YANK);
    private static final AttributedStyle STYLE = AttributedStyle.DEFAULT.faint();
    private final LineInsight insight;
    private volatile boolean active = true;

    CommandHintWidgets(LineReader reader, LineInsight insight) {
        super(reader);
        this.insight = insight;
        for (String widget : FOLLOWED) {
            addWidget(PREFIX + widget, () -> {
                callWidget(widget);
                show();
                return true;
            });
            aliasWidget(PREFIX + widget, widget);
        }
        addWidget(PREFIX + LineReader.ACCEPT_LINE, () -> {
            clear();
            callWidget(LineReader.ACCEPT_LINE);
            return true;
        });
        aliasWidget(PREFIX + LineReader.ACCEPT_LINE, LineReader.ACCEPT_LINE);
    }

    /** On for command lines, off (and cleared) for answers to questions. */
    void active(boolean on) {
        active = on;
        if (!on) {
            clear();
        }
    }

    /** Removes the status line, giving its row back to the output. */
    void clear() {
        try {
            clearDescription();
        } catch (RuntimeException noStatus) {
            // a terminal without a status line: nothing shown, nothing to clear
        }
    }

    private void show() {
        if (!active) {
            return;
        }
        String hint = insight.hint(buffer().upToCursor());
        int width = Math.max(10, reader.getTerminal().getWidth() - 1);
        String shown = hint.length() > width ? hint.substring(0, width - 1) + "…" : hint;
        setDescription(List.of(new AttributedString(shown, STYLE)));
    }
}
