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

    private final Semaphore slots;
    private final QuietWindows windows;

    public StartGate(int size) {
        this(size, Duration.ZERO);
    }

    /**
     * @param quiet the quiet window after a cell's fault ({@link QuietWindows}); zero = none
     */
    public StartGate(int size, Duration quiet) {
        if (size < 1) {
            throw new IllegalArgumentException("a start gate needs at least one slot, got " + size);
        }
        this.slots = new Semaphore(size, true);
        this.windows = size == Integer.MAX_VALUE ? QuietWindows.OFF : new QuietWindows(quiet);
    }

    /** Slots for this machine: half its cores, at least one, with quiet windows of {@code quiet} after faults. */
    public static StartGate forMachine(Duration quiet) {
        return new StartGate(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), quiet);
    }

    /** Whether cells share the machine (every gate but {@link #NONE}): starts then run at a lower priority. */
    public boolean sharesMachine() {
        return this != NONE;
    }

    /** The quiet windows the cells side by side keep for each other's faults. */
    public QuietWindows windows() {
        return windows;
    }

    /**
     * Takes a slot (waiting at most two minutes, after any neighbour's quiet window) and returns it
     * to be closed when the process is ready.
     */
    public Slot enter() {
        windows.awaitClosed();
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
