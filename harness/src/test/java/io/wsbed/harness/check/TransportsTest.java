package io.wsbed.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.verdict.Judgement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transport each side's sessions rode on, from the stacks' own transport events. */
class TransportsTest {
    private static final Outcome PASSED = new Outcome(Map.of("client_detect_ms", 3.0), Map.of(), Judgement.pass("ok"));

    @Test
    void eachSideGetsItsTransportsInTheOrderTheyFirstAppeared() {
        History h = History.of(List.of(
                new TimelineEntry("client-1", -50.0, "transport", Map.of("session", "c1", "name", "polling")),
                new TimelineEntry("server-1", -49.0, "transport", Map.of("session", "s1", "name", "polling")),
                new TimelineEntry("client-1", -45.0, "transport", Map.of("session", "c1", "name", "websocket")),
                new TimelineEntry("client-1", 900.0, "transport", Map.of("session", "c2", "name", "polling")),
                new TimelineEntry("client-1", 905.0, "transport", Map.of("session", "c2", "name", "websocket"))));
        Outcome o = Transports.addTo(h, PASSED);
        assertEquals(Map.of("client_transport", "polling -> websocket", "server_transport", "polling"), o.observations());
        assertEquals(PASSED.metrics(), o.metrics());
        assertEquals(PASSED.judgement(), o.judgement());
    }

    @Test
    void aSideTheCheckerAlreadyDescribedKeepsTheCheckersWords() {
        History h = History.of(List.of(
                new TimelineEntry("client-1", -50.0, "transport", Map.of("session", "c1", "name", "websocket")),
                new TimelineEntry("client-2", 900.0, "transport", Map.of("session", "c1", "name", "polling"))));
        Outcome described = new Outcome(Map.of(), Map.of("client_transport", "control: websocket; blocked: polling"),
                Judgement.pass("ok"));
        assertEquals(Map.of("client_transport", "control: websocket; blocked: polling"),
                Transports.addTo(h, described).observations());
    }

    @Test
    void aCellWithoutTransportEventsIsLeftAsItIs() {
        History h = History.of(List.of(new TimelineEntry("client-1", 0.0, "open", Map.of("session", "c1"))));
        assertSame(PASSED, Transports.addTo(h, PASSED));
    }
}
