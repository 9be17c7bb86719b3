package dev.kompose.tui;

import dev.kompose.exec.Cancellation;
import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.exec.OutputStreamName;
import dev.kompose.exec.ProcessObserver;
import dev.kompose.exec.ProcessRunner;
import dev.kompose.progress.ProgressMode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether the progress panel can open on this process's terminal (rules in
 * {@link ProgressMode#panelPossible}). The width comes from {@code stty -F /dev/tty size}: building
 * and closing a JLine system terminal just to ask was seen to leave the terminal's speed at 0
 * (stty -g differed afterwards), and "the terminal exactly as before" is the contract.
 */
public final class TerminalCheck {
    private TerminalCheck() {
    }

    public static boolean panelPossible(Map<String, String> environment, ProcessRunner runner) {
        boolean console = System.console() != null;
        if (!ProgressMode.panelPossible(console, environment, 1)) {
            return false;
        }
        return ProgressMode.panelPossible(true, environment, width(runner));
    }

    /** The terminal's width, 0 when it cannot be told. */
    static int width(ProcessRunner runner) {
        AtomicInteger columns = new AtomicInteger();
        CommandSpec size = CommandSpec.of("stty", "-F", "/dev/tty", "size")
                .timeout(Duration.ofSeconds(2)).build();
        ExecutionResult result = runner.run(size, new ProcessObserver() {
            @Override
            public void line(OutputStreamName stream, String line) {
                String[] rowsAndColumns = line.strip().split("\\s+");
                if (stream == OutputStreamName.STDOUT && rowsAndColumns.length == 2 && rowsAndColumns[1].matches("\\d{1,5}")) {
                    columns.set(Integer.parseInt(rowsAndColumns[1]));
                }
            }
        }, Cancellation.none());
        return result.succeeded() ? columns.get() : 0;
    }
}
