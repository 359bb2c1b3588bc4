package io.wsbed.harness.process;

import io.wsbed.harness.HarnessException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many processes may be starting at once across the cells that run side by side. A JVM's
 * start keeps about a core and a half busy for a few hundred milliseconds; letting every cell start
 * its processes at the same moment would slow each start and steal the CPU from cells that are
 * measuring a fault. A cell takes a slot for each process it sets up and gives it back when the
 * process is ready. Restarts that are part of a scenario (their time is a figure) do not wait.
 */
public final class StartGate {
    /** The gate of a run whose cells run one at a time: nobody ever waits. */
    public static final StartGate NONE = new StartGate(Integer.MAX_VALUE);
    private static final Duration BOUND = Duration.ofMinutes(2);

    /** The longest a start waits for other cells' quiet windows to pass (they may follow each other). */
    private static final long QUIET_WAIT_CAP_NANOS = 2_000_000_000L;

    private final Semaphore slots;
    private final Duration quiet;
    private volatile long quietUntilNanos = System.nanoTime();

    public StartGate(int size) {
        this(size, Duration.ZERO);
    }

    /**
     * @param quiet how long set-up starts wait after a cell applied its fault ({@link #quiet()}); zero = never
     */
    public StartGate(int size, Duration quiet) {
        this.quiet = quiet;
        if (size < 1) {
            throw new IllegalArgumentException("a start gate needs at least one slot, got " + size);
        }
        this.slots = new Semaphore(size, true);
    }

    /** Slots for this machine: half its cores, at least one; starts wait {@code quiet} after a fault. */
    public static StartGate forMachine(Duration quiet) {
        return new StartGate(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), quiet);
    }

    /** Whether cells share the machine (every gate but {@link #NONE}): starts then run at a lower priority. */
    public boolean sharesMachine() {
        return this != NONE;
    }

    /**
     * A cell has just applied its fault and is measuring how fast its stacks notice: set-up starts
     * of the cells beside it wait until the gate's quiet time has passed (a JVM start would take the
     * CPU its stacks need). Restarts that are the scenario's own figure never pass through the gate.
     */
    public void quiet() {
        if (!sharesMachine() || quiet.isZero() || quiet.isNegative()) {
            return;
        }
        long until = System.nanoTime() + quiet.toNanos();
        synchronized (this) {
            if (until - quietUntilNanos > 0) {
                quietUntilNanos = until;
            }
        }
    }

    /** Takes a slot (waiting at most two minutes) and returns it to be closed when the process is ready. */
    public Slot enter() {
        awaitQuiet();
        try {
            if (!slots.tryAcquire(BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new HarnessException("no process start slot came free within " + BOUND.toSeconds()
                        + " s; another cell's start is stuck (see its logs)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while waiting to start a process", e);
        }
        return new Slot(this);
    }

    /** Waits while a neighbour's quiet window lasts, at most {@link #QUIET_WAIT_CAP_NANOS} in all. */
    private void awaitQuiet() {
        long cap = System.nanoTime() + QUIET_WAIT_CAP_NANOS;
        while (true) {
            long now = System.nanoTime();
            long wait = Math.min(quietUntilNanos, cap) - now;
            if (wait <= 0) {
                return;
            }
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HarnessException("interrupted while waiting to start a process", e);
            }
        }
    }

    /** One taken slot; closing it gives it back (once). */
    public static final class Slot implements AutoCloseable {
        private StartGate gate;

        private Slot(StartGate gate) {
            this.gate = gate;
        }

        @Override
        public void close() {
            if (gate != null) {
                gate.slots.release();
                gate = null;
            }
        }
    }
}
