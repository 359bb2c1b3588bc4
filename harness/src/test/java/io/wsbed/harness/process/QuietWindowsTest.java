package io.wsbed.harness.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A fault waits for its turn while a neighbour's window lasts, and so do starts and teardowns;
 * never longer than the cap, and never without windows. Only lower bounds on the waits are
 * asserted (a wait lasts at least its time), upper ones only where the wait must have stopped
 * early, and then with the cap's margin, never a budget.
 */
class QuietWindowsTest {
    @Test
    void aFaultWaitsForTheNeighboursWindowToEnd() {
        QuietWindows w = new QuietWindows(Duration.ofMillis(300));
        w.awaitTurn();
        assertTrue(timed(w::awaitTurn) >= 250, "the second fault came inside the first one's 300 ms window");
    }

    @Test
    void aStartOrTeardownWaitsForTheWindowToEnd() {
        QuietWindows w = new QuietWindows(Duration.ofMillis(300));
        w.awaitTurn();
        assertTrue(timed(w::awaitClosed) >= 250, "a start came inside a 300 ms window");
    }

    @Test
    void noWaitOutlastsTheCap() {
        QuietWindows w = new QuietWindows(Duration.ofSeconds(60));
        w.awaitTurn();
        long turn = timed(w::awaitTurn);
        assertTrue(turn >= 2_900 && turn < 30_000, "a fault waited " + turn + " ms; the cap is 3 s");
        long closed = timed(w::awaitClosed);
        assertTrue(closed >= 2_900 && closed < 30_000, "a teardown waited " + closed + " ms; the cap is 3 s");
    }

    @Test
    void withoutWindowsNothingWaits() {
        assertTrue(timed(QuietWindows.OFF::awaitTurn) < 2_900, "a fault waited with no windows");
        assertTrue(timed(QuietWindows.OFF::awaitClosed) < 2_900, "a start waited with no windows");
    }

    private static long timed(Runnable r) {
        long began = System.nanoTime();
        r.run();
        return (System.nanoTime() - began) / 1_000_000;
    }
}
