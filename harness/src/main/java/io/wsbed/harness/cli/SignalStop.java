package io.wsbed.harness.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a command that runs until stopped (record, replay) meets Ctrl-C and SIGTERM: a shutdown hook
 * that asks the command to stop and then waits (at most 5 s) until the command has closed what it
 * opened and written its files, so the JVM exits only after the cleanup. The command can also stop
 * itself ({@link #stop()}), for example when the session it records has ended.
 */
final class SignalStop implements AutoCloseable {
    private static final Duration CLEANUP = Duration.ofSeconds(5);

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean signalled;

    private SignalStop() {
        this.hook = new Thread(this::onSignal, "wsbed-signal-stop");
    }

    static SignalStop install() {
        SignalStop s = new SignalStop();
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    private void onSignal() {
        signalled = true;
        stop.countDown();
        try {
            done.await(CLEANUP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the command to stop, as a signal would, but without ending the JVM. */
    void stop() {
        stop.countDown();
    }

    /** Whether the stop came from a signal (Ctrl-C, SIGTERM). */
    boolean signalled() {
        return signalled;
    }

    /** Waits until a stop is asked for or {@code max} has passed (null: no limit); true when a stop came first. */
    boolean await(Duration max) {
        try {
            if (max == null) {
                stop.await();
                return true;
            }
            return stop.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The command has cleaned up: a pending signal may now end the JVM. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down (a signal came): the hook is running and finishes now.
        }
    }
}
