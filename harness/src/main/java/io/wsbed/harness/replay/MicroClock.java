package io.wsbed.harness.replay;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Epoch microseconds read from the monotonic clock: one wall-clock reading anchors
 * {@link System#nanoTime()}, so stamps are as fine as nanoTime, never jump with the wall clock,
 * and still line up with other processes' {@code t} (DESIGN.md section 2).
 */
public final class MicroClock {
    /** Below this much time left, a wait spins instead of parking: parking overshoots by tens of microseconds. */
    private static final long SPIN_NANOS = 100_000;
    private static final long MAX_PARK_NANOS = 20_000_000;

    private final long epochMicros;
    private final long nanos;

    public MicroClock() {
        Instant now = Instant.now();
        this.nanos = System.nanoTime();
        this.epochMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** A {@link System#nanoTime()} reading in epoch microseconds. */
    public long epochMicros(long nanoTime) {
        return epochMicros + (nanoTime - nanos) / 1_000;
    }

    public long nowMicros() {
        return epochMicros(System.nanoTime());
    }

    /**
     * Waits until {@link System#nanoTime()} reaches {@code deadline}, or {@code stop} says so
     * (checked at least every 20 ms). Returns whether the deadline was reached.
     */
    public static boolean awaitNanos(long deadline, BooleanSupplier stop) {
        while (true) {
            if (stop.getAsBoolean()) {
                return false;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(Math.min(left - SPIN_NANOS, MAX_PARK_NANOS));
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
