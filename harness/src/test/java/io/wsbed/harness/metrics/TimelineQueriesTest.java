package io.wsbed.harness.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.timeline.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metric derivation from a hand-made timeline of a server crash. */
class TimelineQueriesTest {
    private final List<Event> events = new ArrayList<>();

    private void ev(String source, long t, String ev, Object... fields) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            f.put((String) fields[i], fields[i + 1]);
        }
        events.add(new Event(source, t, ev, f));
    }

    private List<Event> crash() {
        ev("server-1", 100, "open", "session", "s1");
        ev("client-1", 110, "open", "session", "c1");
        ev("server-1", 200, "sent", "session", "s1", "seq", 1L, "outcome", "ok");
        ev("client-1", 210, "recv", "session", "c1", "seq", 1L);
        ev("server-1", 300, "sent", "session", "s1", "seq", 2L, "outcome", "ok");
        // seq 2 never arrives: silent loss to the client
        ev("client-1", 320, "sent", "session", "c1", "seq", 1L, "outcome", "ok");
        ev("server-1", 330, "recv", "session", "s1", "seq", 1L);
        ev("server-1", 340, "sent", "session", "s1", "seq", 3L, "outcome", "failed");
        ev("harness", 1_000, "fault", "kind", "kill-server");
        ev("client-1", 1_100, "sent", "session", "c1", "seq", 2L, "outcome", "ok");
        ev("client-1", 3_500, "error", "session", "c1", "error", "java.io.IOException: reset");
        ev("client-1", 3_600, "close", "session", "c1", "code", 1006L, "reason", "");
        ev("client-1", 3_700, "reconnect", "attempt", 1L, "delay_ms", 100L);
        ev("client-1", 3_900, "reconnect", "attempt", 2L, "delay_ms", 200L);
        ev("client-1", 9_000, "open", "session", "c2");
        ev("client-1", 9_100, "reconnect", "attempt", 1L, "delay_ms", 100L);
        return events;
    }

    @Test
    void sessionAtIsTheOneOpenAtThatMoment() {
        crash();
        assertEquals("c1", TimelineQueries.sessionAt(events, "client-1", 1_000).orElseThrow());
        assertTrue(TimelineQueries.sessionAt(events, "client-1", 5_000).isEmpty(), "c1 had ended");
        assertEquals("c2", TimelineQueries.sessionAt(events, "client-1", 9_500).orElseThrow());
        assertTrue(TimelineQueries.sessionAt(events, "client-1", 50).isEmpty(), "nothing open yet");
    }

    @Test
    void detectionIsTheFirstCloseOrErrorOfThatSessionAfterT0() {
        crash();
        Event end = TimelineQueries.firstEnd(events, "client-1", "c1", 1_000).orElseThrow();
        assertEquals("error", end.ev(), "the error came before the close");
        assertEquals(2.5, TimelineQueries.ms(1_000, end.tMicros()));
        assertTrue(TimelineQueries.firstEnd(events, "server-1", "s1", 1_000).isEmpty(), "a killed server reports nothing");
    }

    @Test
    void aRefusedSendAlsoTellsTheApplicationAndEndsTheSession() {
        ev("client-1", 100, "open", "session", "c1");
        ev("harness", 1_000, "fault", "kind", "proxy-down");
        ev("client-1", 1_100, "sent", "session", "c1", "seq", 4L, "outcome", "ok");
        ev("client-1", 1_150, "sent", "session", "c1", "seq", 5L, "outcome", "failed", "error", "java.io.IOException: closed output");
        Event end = TimelineQueries.firstEnd(events, "client-1", "c1", 1_000).orElseThrow();
        assertEquals(1_150, end.tMicros(), "the JDK client never reported a close, but its send failed");
        assertEquals("send failed java.io.IOException", TimelineQueries.told(end));
        assertTrue(TimelineQueries.sessionAt(events, "client-1", 2_000).isEmpty());
    }

    @Test
    void reconnectAttemptsAreCountedOnlyUpToTheNewSession() {
        crash();
        assertEquals(2, TimelineQueries.reconnectAttempts(events, "client-1", 1_000, 9_000));
    }

    @Test
    void okSendsAfterT0IgnoreFailuresAndEarlierSends() {
        crash();
        assertEquals(1, TimelineQueries.okSendsAfter(events, "client-1", "c1", 1_000));
        assertEquals(0, TimelineQueries.okSendsAfter(events, "server-1", "s1", 1_000));
    }

    @Test
    void toldDescribesCloseAndError() {
        crash();
        assertEquals("error java.io.IOException", TimelineQueries.told(TimelineQueries.firstEnd(events, "client-1", "c1", 0).orElseThrow()));
        assertEquals("close 1006", TimelineQueries.told(TimelineQueries.closeOf(events, "client-1", "c1").orElseThrow()));
    }
}
