package dev.kompose.shell;

import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the line as it is typed, before Enter: a pattern that names or matches no stack, and a
 * {@code db:} command kompose does not have, in red; a command passed to docker compose that is none
 * of the compose commands kompose knows, in yellow. Off while a question (step-through, confirmation)
 * is answered.
 */
final class CommandHighlighter implements Highlighter {
    private static final AttributedStyle UNKNOWN = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();
    private static final AttributedStyle PASSED_ON = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private final LineInsight insight;
    private volatile boolean active = true;

    CommandHighlighter(LineInsight insight) {
        this.insight = insight;
    }

    /** On for command lines, off for answers to questions. */
    void active(boolean on) {
        active = on;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (!active) {
            return new AttributedString(buffer);
        }
        AttributedStringBuilder line = new AttributedStringBuilder();
        int at = 0;
        for (LineInsight.Word word : insight.words(buffer)) {
            line.append(buffer.substring(at, word.start()));
            switch (word.judgement()) {
                case UNKNOWN -> line.styled(UNKNOWN, word.text());
                case PASSED_ON -> line.styled(PASSED_ON, word.text());
                case PLAIN -> line.append(word.text());
            }
            at = word.end();
        }
        line.append(buffer.substring(at));
        return line.toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
        // errors are judged from the command model, not from a pattern
    }

    @Override
    public void setErrorIndex(int errorIndex) {
        // as above
    }
}
