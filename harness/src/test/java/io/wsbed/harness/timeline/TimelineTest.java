package io.wsbed.harness.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void awaitSeesEventsAddedFromAnotherThread() throws Exception {
        Timeline t = new Timeline(Clock.systemUTC());
        Thread adder = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            t.add(new Event("client-1", t.nowMicros(), "open", Map.of("session", "c1")));
        });
        adder.start();
        var e = t.await(x -> x.ev().equals("open"), Duration.ofSeconds(5));
        adder.join();
        assertEquals("c1", e.orElseThrow().session());
    }

    @Test
    void awaitReturnsEmptyWhenTheTimeIsUp() {
        Timeline t = new Timeline(Clock.systemUTC());
        long start = System.nanoTime();
        assertTrue(t.await(x -> true, Duration.ofMillis(100)).isEmpty());
        assertTrue(System.nanoTime() - start >= 90_000_000L, "waited for the bound");
    }

    @Test
    void snapshotIsOrderedByTime() {
        Timeline t = new Timeline(Clock.systemUTC());
        t.add(new Event("a", 30, "x", Map.of()));
        t.add(new Event("b", 10, "y", Map.of()));
        t.add(new Event("c", 20, "z", Map.of()));
        assertEquals(java.util.List.of("y", "z", "x"), t.snapshot().stream().map(Event::ev).toList());
    }
}
