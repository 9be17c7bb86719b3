package dev.kompose.tui;

import com.googlecode.lanterna.gui2.AsynchronousTextGUIThread;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.kompose.engine.RunListener;
import dev.kompose.engine.RunReport;
import dev.kompose.engine.StackReport;
import dev.kompose.exec.Cancellation;
import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;
import dev.kompose.progress.ProgressTracker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The full-screen progress panel of db:export and db:import: a run listener that keeps the
 * figures in a {@link ProgressTracker} and shows them a few times a second. Widgets change only on
 * Lanterna's GUI thread ({@code invokeLater}). 'q', Esc or Ctrl-C (trapped: Lanterna would
 * otherwise exit the JVM) cancel the run through its {@link Cancellation}; the run then cleans up
 * as after a SIGINT. {@link #close()} leaves the alternate screen and gives the terminal back as it
 * was; the caller prints the summary to the normal scrollback.
 */
public final class ProgressPanel implements RunListener, AutoCloseable {
    static final long REFRESH_MILLIS = 200;
    private static final int OUTPUT_LINES = 50;

    private final ProgressTracker tracker;
    private final Screen screen;
    private final Terminal terminal;
    private final boolean ownsTerminal;
    private final MultiWindowTextGUI gui;
    private final PanelComponent component;
    private final Cancellation cancellation;
    private final ScheduledExecutorService ticker;
    private final AtomicBoolean closed = new AtomicBoolean();

    ProgressPanel(Terminal terminal, boolean ownsTerminal, String title, Cancellation cancellation,
            ProgressTracker tracker) throws IOException {
        this.terminal = terminal;
        this.ownsTerminal = ownsTerminal;
        this.tracker = tracker;
        this.cancellation = cancellation;
        this.screen = new TerminalScreen(terminal);
        this.component = new PanelComponent(title);
        screen.startScreen();
        try {
            screen.setCursorPosition(null);
            gui = new MultiWindowTextGUI(PanelGuiThread::new, screen);
            BasicWindow window = new BasicWindow();
            window.setHints(List.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS));
            window.setComponent(component);
            window.addWindowListener(new WindowListenerAdapter() {
                @Override
                public void onUnhandledInput(Window basePane, KeyStroke key, AtomicBoolean handled) {
                    handled.set(onKey(key));
                }
            });
            gui.addWindow(window);
            ((AsynchronousTextGUIThread) gui.getGUIThread()).start();
        } catch (RuntimeException failure) {
            screen.stopScreen();
            if (ownsTerminal) {
                terminal.close();
            }
            throw failure;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kompose-panel");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::refresh, 0, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Opens the panel on the process's own terminal (standard input and output). */
    public static ProgressPanel openOnSystemTerminal(String title, Cancellation cancellation) throws IOException {
        return openOn(System.out, System.in, title, cancellation);
    }

    static ProgressPanel openOn(OutputStream out, InputStream in, String title, Cancellation cancellation)
            throws IOException {
        DefaultTerminalFactory factory = new DefaultTerminalFactory(out, in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP);
        return new ProgressPanel(factory.createTerminal(), true, title, cancellation, new ProgressTracker());
    }

    /** Opens the panel on a terminal the caller owns (a virtual one in tests). */
    static ProgressPanel openOn(Terminal terminal, String title, Cancellation cancellation, ProgressTracker tracker)
            throws IOException {
        return new ProgressPanel(terminal, false, title, cancellation, tracker);
    }

    private boolean onKey(KeyStroke key) {
        boolean ctrlC = key.getKeyType() == KeyType.Character && key.isCtrlDown()
                && Character.toLowerCase(key.getCharacter()) == 'c';
        boolean quit = key.getKeyType() == KeyType.Character && !key.isCtrlDown()
                && Character.toLowerCase(key.getCharacter()) == 'q';
        if (ctrlC || quit || key.getKeyType() == KeyType.Escape) {
            cancellation.cancel("cancelled from the progress panel", 130);
            return true;
        }
        switch (key.getKeyType()) {
            case ArrowUp -> component.scroll(-1);
            case ArrowDown -> component.scroll(1);
            case PageUp -> component.scroll(-component.pageRows());
            case PageDown -> component.scroll(component.pageRows());
            case Home -> component.scroll(-Integer.MAX_VALUE / 2);
            case End -> component.scroll(Integer.MAX_VALUE / 2);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Hands the tracker's current figures to the GUI thread. */
    void refresh() {
        if (closed.get()) {
            return;
        }
        var stacks = tracker.snapshots();
        var output = tracker.lastOutput(OUTPUT_LINES);
        gui.getGUIThread().invokeLater(() -> component.update(stacks, output));
    }

    ProgressTracker tracker() {
        return tracker;
    }

    /** For tests: the GUI thread has drawn everything posted so far. */
    void awaitDrawn() throws InterruptedException {
        java.util.concurrent.CountDownLatch drawn = new java.util.concurrent.CountDownLatch(1);
        gui.getGUIThread().invokeLater(drawn::countDown);
        drawn.await(30, TimeUnit.SECONDS);
        java.util.concurrent.CountDownLatch redrawn = new java.util.concurrent.CountDownLatch(1);
        gui.getGUIThread().invokeLater(() -> {
            try {
                gui.updateScreen();
            } catch (IOException ignored) {
                // a test terminal does not fail
            }
            redrawn.countDown();
        });
        redrawn.await(30, TimeUnit.SECONDS);
    }

    /** Scrolls as if the key was pressed (tests). */
    void press(KeyStroke key) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        gui.getGUIThread().invokeLater(() -> {
            onKey(key);
            done.countDown();
        });
        done.await(5, TimeUnit.SECONDS);
    }

    /** Stops drawing, leaves the alternate screen and restores the terminal's settings. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ticker.shutdownNow();
        AsynchronousTextGUIThread thread = (AsynchronousTextGUIThread) gui.getGUIThread();
        thread.stop();
        try {
            thread.waitForStop(2, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            screen.stopScreen();
        } catch (IOException ignored) {
            // the terminal went away; nothing left to restore on it
        }
        if (ownsTerminal) {
            try {
                terminal.close();
            } catch (IOException ignored) {
                // as above
            }
        }
    }

    @Override
    public void runStarted(Plan plan) {
        tracker.runStarted(plan);
        refresh();
    }

    @Override
    public void stackStarted(StackPlan stack) {
        tracker.stackStarted(stack);
    }

    @Override
    public void stageStarted(StackPlan stack, Stage stage, int number, int total) {
        tracker.stageStarted(stack, stage, number, total);
    }

    @Override
    public void stageOutput(StackPlan stack, Stage stage, String line) {
        tracker.stageOutput(stack, stage, line);
    }

    @Override
    public void stageProgress(StackPlan stack, Stage stage, long bytesDone, long bytesExpected) {
        tracker.stageProgress(stack, stage, bytesDone, bytesExpected);
    }

    @Override
    public void stageFinished(StackPlan stack, Stage stage, StageResult result) {
        tracker.stageFinished(stack, stage, result);
    }

    @Override
    public void stackFinished(StackPlan stack, StackReport report) {
        tracker.stackFinished(stack, report);
        refresh();
    }

    @Override
    public void runFinished(RunReport report) {
        tracker.runFinished(report);
        refresh();
    }
}
