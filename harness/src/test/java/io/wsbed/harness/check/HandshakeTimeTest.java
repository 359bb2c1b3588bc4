package io.wsbed.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.verdict.Judgement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** handshake_ms: the staged client's ready to its first open, on the paths through nginx only. */
class HandshakeTimeTest {
    private static final Outcome PASSED = new Outcome(Map.of("client_detect_ms", 3.0), Map.of(), Judgement.pass("ok"));
    private static final History HISTORY = History.of(List.of(
            new TimelineEntry("server-1", -400.0, "ready", Map.of("port", 40001)),
            new TimelineEntry("client-1", -310.5, "ready", Map.of()),
            new TimelineEntry("server-1", -160.0, "open", Map.of("session", "s1")),
            new TimelineEntry("client-1", -154.25, "open", Map.of("session", "c1")),
            new TimelineEntry("harness", -150.0, History.STAGE, Map.of("client", "client-1", "server", "server-1")),
            new TimelineEntry("harness", 0.0, "fault", Map.of("kind", "kill")),
            new TimelineEntry("client-1", 20.0, "reconnect", Map.of("attempt", 1, "delay_ms", 100)),
            new TimelineEntry("client-1", 130.0, "reconnect", Map.of("attempt", 2, "delay_ms", 200)),
            new TimelineEntry("client-1", 342.5, "open", Map.of("session", "c2"))));

    private static Cell cell(NetworkPath path) {
        return new Cell("server-crash", "jetty", "jdk", Profile.DEFAULT, path);
    }

    @Test
    void fromTheClientsReadyToItsFirstOpenOverEitherNginxPath() {
        for (NetworkPath p : List.of(NetworkPath.WSS, NetworkPath.NGINX)) {
            Outcome o = HandshakeTime.addTo(cell(p), HISTORY, PASSED);
            assertEquals(156.3, o.metrics().get(HandshakeTime.METRIC), p.id());
            // The attempt that opened was announced at 130 ms to start 200 ms later.
            assertEquals(12.5, o.metrics().get(HandshakeTime.RECONNECT_METRIC), p.id());
            assertEquals(3.0, o.metrics().get("client_detect_ms"), "the checker's figures stay");
            assertEquals(PASSED.judgement(), o.judgement());
        }
    }

    @Test
    void otherPathsAndHistoriesWithoutAnOpenAreLeftAsTheyAre() {
        assertSame(PASSED, HandshakeTime.addTo(cell(NetworkPath.DIRECT), HISTORY, PASSED));
        History noReconnect = History.of(HISTORY.events().stream()
                .filter(e -> !e.ev().equals("reconnect")).map(e -> new TimelineEntry(e.source(), e.tMicros() / 1000.0,
                        e.ev(), e.fields())).toList());
        assertEquals(java.util.Set.of("client_detect_ms", HandshakeTime.METRIC),
                HandshakeTime.addTo(cell(NetworkPath.WSS), noReconnect, PASSED).metrics().keySet(),
                "no reconnect event: no warm figure");
        History neverOpened = History.of(List.of(
                new TimelineEntry("client-1", -310.0, "ready", Map.of()),
                new TimelineEntry("harness", -150.0, History.STAGE, Map.of("client", "client-1", "server", "server-1")),
                new TimelineEntry("harness", 0.0, "fault", Map.of("kind", "kill"))));
        assertSame(PASSED, HandshakeTime.addTo(cell(NetworkPath.WSS), neverOpened, PASSED));
        History unstaged = History.of(List.of(new TimelineEntry("client-1", -310.0, "ready", Map.of())));
        assertSame(PASSED, HandshakeTime.addTo(cell(NetworkPath.WSS), unstaged, PASSED));
    }
}
