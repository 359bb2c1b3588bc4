package io.wsbed.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.verdict.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wss client that never connected is a FAIL about the client; nothing else is touched. */
class TlsRefusalTest {
    private static final List<TimelineEntry> REFUSED = List.of(
            new TimelineEntry("server-1", 0.0, "ready", Map.of("port", 40001)),
            new TimelineEntry("client-1", 10.0, "ready", Map.of()),
            new TimelineEntry("client-1", 3010.0, "error", Map.of("phase", "connect",
                    "error", "java.util.concurrent.TimeoutException: no WebSocket session")),
            new TimelineEntry("client-1", 3011.0, "reconnect", Map.of("attempt", 1, "delay_ms", 95)));

    private static Cell cell(NetworkPath path) {
        return new Cell("server-crash", "jetty", "undertow", Profile.DEFAULT, path);
    }

    @Test
    void aWssClientWhoseAttemptsAllFailedIsAFailWithItsFirstError() {
        Outcome o = TlsRefusal.of(cell(NetworkPath.WSS), REFUSED).orElseThrow();
        assertEquals(Verdict.FAIL, o.judgement().verdict());
        assertTrue(o.judgement().reason().contains("never opened a session over wss"), o.judgement().reason());
        assertEquals("java.util.concurrent.TimeoutException: no WebSocket session", o.observations().get("client_connect_error"));
    }

    @Test
    void otherPathsAndClientsThatOpenedAreLeftToTheCaller() {
        assertTrue(TlsRefusal.of(cell(NetworkPath.NGINX), REFUSED).isEmpty());
        List<TimelineEntry> opened = new java.util.ArrayList<>(REFUSED);
        opened.add(new TimelineEntry("client-1", 3200.0, "open", Map.of("session", "c1")));
        assertTrue(TlsRefusal.of(cell(NetworkPath.WSS), opened).isEmpty());
        assertTrue(TlsRefusal.of(cell(NetworkPath.WSS), REFUSED.subList(0, 2)).isEmpty(), "no error: not a refusal");
    }
}
