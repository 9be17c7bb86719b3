package dev.kompose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** main returns (rather than System.exit(0)) only when no other thread would keep the JVM running. */
class MainExitTest {
    @Test
    void aLiveNonDaemonThreadMakesMainExitExplicitly() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread daemon = new Thread(() -> await(release), "kompose-test-daemon");
        daemon.setDaemon(true);
        daemon.start();
        // surefire's own threads may be non-daemon: only this test's thread is judged
        boolean before = Main.anotherThreadWouldKeepTheJvm();
        Thread worker = new Thread(() -> await(release), "kompose-test-worker");
        worker.start();
        try {
            assertTrue(Main.anotherThreadWouldKeepTheJvm(), "a non-daemon thread still running");
        } finally {
            release.countDown();
            worker.join();
            daemon.join();
        }
        assertTrue(before || !Main.anotherThreadWouldKeepTheJvm(), "a daemon thread alone does not keep the JVM");
        assertFalse(worker.isAlive());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
