package dev.kompose.tui;

import com.googlecode.lanterna.gui2.AbstractTextGUIThread;
import com.googlecode.lanterna.gui2.AsynchronousTextGUIThread;
import com.googlecode.lanterna.gui2.TextGUI;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The panel's GUI thread: Lanterna's {@code SeparateTextGUIThread} (3.1.3) with its start fixed.
 * That class starts its thread before it marks itself started, and the thread leaves its loop at
 * once when it finds itself not started: when the starting thread is descheduled for a moment
 * (a loaded machine), the GUI thread is gone while the state then says started, and every redraw
 * is queued for a thread that no longer runs — the panel stays blank. Measured: 1 run in 4 of
 * ProgressPanelScreenTest under load hung 60 s with no GUI thread left. Here the state is set first.
 */
final class PanelGuiThread extends AbstractTextGUIThread implements AsynchronousTextGUIThread {
    private volatile State state = State.CREATED;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);

    PanelGuiThread(TextGUI textGUI) {
        super(textGUI);
        thread = new Thread(this::loop, "kompose-panel-gui");
        thread.setDaemon(true);
    }

    @Override
    public void start() {
        state = State.STARTED; // before the thread runs: its loop runs while this holds
        thread.start();
    }

    @Override
    public void stop() {
        if (state == State.STARTED) {
            state = State.STOPPING;
        }
    }

    @Override
    public void waitForStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void waitForStop(long time, TimeUnit unit) throws InterruptedException {
        stopped.await(time, unit);
    }

    @Override
    public State getState() {
        return state;
    }

    @Override
    public Thread getThread() {
        return thread;
    }

    @Override
    public void invokeLater(Runnable runnable) throws IllegalStateException {
        if (state != State.STARTED) {
            throw new IllegalStateException("the panel's GUI thread is " + state + ", not started");
        }
        super.invokeLater(runnable);
    }

    private void loop() {
        try {
            while (state == State.STARTED) {
                try {
                    if (!processEventsAndUpdate()) {
                        Thread.sleep(1);
                    }
                } catch (EOFException endOfInput) {
                    stop();
                } catch (IOException failure) {
                    if (exceptionHandler.onIOException(failure)) {
                        stop();
                    }
                } catch (RuntimeException failure) {
                    if (exceptionHandler.onRuntimeException(failure)) {
                        stop();
                    }
                } catch (InterruptedException interrupted) {
                    stop();
                }
            }
        } finally {
            state = State.STOPPED;
            stopped.countDown();
        }
    }
}
