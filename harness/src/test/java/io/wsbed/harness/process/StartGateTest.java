package io.wsbed.harness.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The quiet window after a cell's fault: set-up starts beside it wait it out, never longer than the
 * cap, and a run without one (or one at a time) never waits. Only lower bounds on the waits are
 * asserted (a sleep lasts at least its time); upper ones are the generous caps, never a budget.
 */
class StartGateTest {

    @Test
    void aStartAfterAFaultWaitsForTheQuietWindow() {
        long waitedMs = startAfterAFault(new StartGate(2, Duration.ofMillis(300)));
        assertTrue(waitedMs >= 250, "waited only " + waitedMs + " ms of a 300 ms quiet window");
    }

    @Test
    void aLongQuietWindowHoldsAStartNoLongerThanTheCap() {
        long waitedMs = startAfterAFault(new StartGate(2, Duration.ofSeconds(60)));
        assertTrue(waitedMs >= 2_900 && waitedMs < 30_000, "waited " + waitedMs + " ms; the cap is 3 s");
    }

    @Test
    void withoutAQuietTimeOrWithoutNeighboursNothingWaitsForAFault() {
        for (StartGate gate : new StartGate[] {new StartGate(2), StartGate.NONE}) {
            long waitedMs = startAfterAFault(gate);
            assertTrue(waitedMs < 5_000, "waited " + waitedMs + " ms with no quiet window");
        }
    }

    /** A neighbour's fault takes its turn, then a start enters the gate: how long the start waited, in ms. */
    private static long startAfterAFault(StartGate gate) {
        gate.windows().awaitTurn();
        long began = System.nanoTime();
        try (StartGate.Slot slot = gate.enter()) {
            return (System.nanoTime() - began) / 1_000_000;
        }
    }
}
