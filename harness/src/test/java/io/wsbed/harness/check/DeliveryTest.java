package io.wsbed.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsbed.harness.result.TimelineEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static TimelineEntry sent(String source, double ms, String session, int seq, String outcome) {
        return new TimelineEntry(source, ms, "sent", Map.of("session", session, "seq", seq, "outcome", outcome));
    }

    private static TimelineEntry recv(String source, double ms, String session, int seq) {
        return new TimelineEntry(source, ms, "recv", Map.of("session", session, "seq", seq));
    }

    private static TimelineEntry mark(double ms, String ev) {
        return new TimelineEntry("harness", ms, ev, Map.of());
    }

    @Test
    void aMessageSentOkAndNeverReceivedIsLostButARefusedOneIsNot() {
        History h = History.of(List.of(mark(0, "fault"),
                sent("client-1", 10, "c1", 1, "ok"), recv("server-1", 10.4, "s1", 1),
                sent("client-1", 60, "c1", 2, "ok"),
                sent("client-1", 110, "c1", 3, "failed"),
                mark(2000, History.OBSERVED)));
        assertEquals(1, Delivery.lost(h, "client-1", "c1", "server-1", "s1"), "seq 2 was ok and never arrived");
    }

    @Test
    void aReceiptAfterTheEndOfTheObservationStillCounts() {
        // The latency-spike race: the last message reached the server 52.8 ms after the harness looked.
        History h = History.of(List.of(mark(0, "fault"),
                sent("client-1", 5000, "c1", 124, "ok"),
                mark(6000, History.OBSERVED),
                recv("server-1", 6052.8, "s1", 124)));
        assertEquals(0, Delivery.lost(h, "client-1", "c1", "server-1", "s1"));
    }

    @Test
    void aMessageSentJustBeforeTheEndIsInFlightNotLost() {
        History h = History.of(List.of(mark(0, "fault"),
                sent("client-1", 5400, "c1", 7, "ok"),
                sent("client-1", 5600, "c1", 8, "ok"),
                mark(6000, History.OBSERVED)));
        assertEquals(1, Delivery.lost(h, "client-1", "c1", "server-1", "s1"),
                "seq 7 had 600 ms to arrive; seq 8 only 400 ms, less than " + Delivery.IN_FLIGHT_MS + " ms");
    }

    @Test
    void toAReceiverSeenGoneEveryUnreceivedMessageIsLost() {
        History h = History.of(List.of(mark(0, "fault"),
                sent("server-1", 6.9, "s1", 4, "ok"),
                new TimelineEntry("harness", 18.2, "peer-gone", Map.of("target", "client-1", "exited", true)),
                mark(231.1, History.OBSERVED)));
        assertEquals(1, Delivery.lost(h, "server-1", "s1", "client-1", "c1"), "a killed client receives nothing later");
    }

    @Test
    void countsOnlyFromTheGivenTimeAndOnlyTheGivenSessions() {
        History h = History.of(List.of(sent("client-1", -100, "c1", 1, "ok"), mark(0, "fault"),
                sent("client-1", 100, "c1", 2, "ok"), recv("server-1", 101, "s2", 2),
                mark(3000, History.OBSERVED)));
        assertEquals(1, Delivery.lost(h, "client-1", "c1", "server-1", "s1", 0), "seq 2 arrived on another session");
        assertEquals(2, Delivery.lost(h, "client-1", "c1", "server-1", "s1"));
    }
}
