package io.wsbed.stack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleWithinTheJitterBandAndAreCapped() {
        Backoff b = new Backoff(42);
        for (int round = 0; round < 200; round++) {
            for (int attempt = 1; attempt <= 8; attempt++) {
                long base = Math.min(2000, 100L << (attempt - 1));
                long d = b.delayMs(attempt);
                assertTrue(d >= base / 2 && d <= Math.min(2000, base * 3 / 2),
                        "attempt " + attempt + " delay " + d + " outside [" + base / 2 + ", " + Math.min(2000, base * 3 / 2) + "]");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        assertEquals(schedule(7), schedule(7));
        assertNotEquals(schedule(7), schedule(8));
    }

    @Test
    void attemptsAreOneBased() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(1).delayMs(0));
    }

    private static List<Long> schedule(long seed) {
        Backoff b = new Backoff(seed);
        List<Long> out = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            out.add(b.delayMs(i));
        }
        return out;
    }
}
