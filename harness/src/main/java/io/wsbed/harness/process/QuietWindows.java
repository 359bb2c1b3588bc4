package io.wsbed.harness.process;

import io.wsbed.harness.HarnessException;
import java.time.Duration;

/**
 * The moments cells side by side keep quiet for each other. A cell about to apply its fault waits
 * for its turn: until no other cell is inside its window. For the window that follows (the time
 * its stacks need to notice), the others' faults, set-up starts and teardowns wait, and the cell's
 * own processes get the CPU first ({@link CpuPriority#raiseFor}). Restarts inside a scenario never
 * wait: their time is a figure.
 *
 * <p>Every wait is capped: a window that cannot be had in time is opened anyway, so a cell never
 * stalls behind its neighbours for more than a few seconds. With no window (zero), nothing waits.
 */
public final class QuietWindows {
    /** No windows: the run of cells one at a time, or side by side without them. */
    public static final QuietWindows OFF = new QuietWindows(Duration.ZERO);

    /** The longest a fault waits for its turn, or a start or teardown for the windows to pass. */
    static final long WAIT_CAP_NANOS = 3_000_000_000L;

    private final long windowNanos;
    private long openUntil = System.nanoTime();

    public QuietWindows(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("a quiet window cannot be negative: " + window);
        }
        this.windowNanos = window.toNanos();
    }

    /** How long a window lasts. */
    public Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    /** Whether there are windows at all. */
    public boolean on() {
        return windowNanos > 0;
    }

    /**
     * Waits (at most {@link #WAIT_CAP_NANOS}) until this cell may apply its fault, then opens its
     * window.
     */
    public synchronized void awaitTurn() {
        if (on()) {
            awaitClosed();
            long now = System.nanoTime();
            openUntil = Math.max(openUntil - now, windowNanos) + now;
        }
    }

    /** Waits while a window is open (at most {@link #WAIT_CAP_NANOS}): a set-up start or a teardown. */
    public synchronized void awaitClosed() {
        if (!on()) {
            return;
        }
        long cap = System.nanoTime() + WAIT_CAP_NANOS;
        while (true) {
            long now = System.nanoTime();
            long until = openUntil - cap > 0 ? cap : openUntil;
            if (until - now <= 0) {
                return;
            }
            waitNanos(until - now);
        }
    }

    private void waitNanos(long nanos) {
        try {
            long ms = Math.max(1, nanos / 1_000_000);
            wait(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while waiting for a quiet window", e);
        }
    }
}
