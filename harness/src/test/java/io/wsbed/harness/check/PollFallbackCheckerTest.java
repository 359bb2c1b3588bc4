package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The poll-fallback variants, judged from hand-made histories: the scenario's own verdict stands,
 * and the fallback's figures come from the client's poll and recv-via-poll events.
 */
class PollFallbackCheckerTest {

    @Test
    void aDeadServerLeavesNothingToPollAndTheGapIsTheBackoffs() {
        Fixture.load("server-crash-poll-fallback", "pass-nothing-to-poll").check()
                .is(PASS, "told after 18.0 ms", "reconnected 343 ms after the server was back",
                        "; the polling fallback delivered 0 pushes while the fault lasted and 0 after it, in 1940 ms down"
                                + " (7 requests, 3.6/s, 4 failed).")
                .figures("client_detect_ms", 18.0, "reconnect_ms", 343.3, "silent_loss", 0,
                        "down_ms", 1939.7, "poll_requests", 7, "poll_failed", 4, "poll_requests_per_s", 3.6,
                        "delivered_via_poll", 0, "delivered_during_fault", 0, "stream_gap_ms", 2028.0, "missed_pushes", 40, "undelivered_pushes", 0)
                .observations("stream_resumed", true, "client_told", "close 1006")
                .keyFigure("18.0 ms");
    }

    @Test
    void pushesAPollDeliversCountOnceAndTheOneItNeverGotIsUndelivered() {
        Fixture.load("network-blackhole-poll-fallback", "degraded-poll-delivered").check()
                .is(DEGRADED, "; the polling fallback delivered 4 pushes while the fault lasted and 0 after it, in 1646 ms down"
                        + " (4 requests, 2.4/s, 1 failed).")
                .figures("client_detect_ms", 1604.3, "server_detect_ms", 3020.7, "reconnect_ms", 228.5,
                        // The socket lost all five pushes from the fault on: a poll delivery is no socket receipt.
                        "silent_loss", 5,
                        "down_ms", 1645.7, "poll_requests", 4, "poll_failed", 1, "poll_requests_per_s", 2.4,
                        "delivered_via_poll", 4, "delivered_during_fault", 4, "stream_gap_ms", 1634.6, "missed_pushes", 32, "undelivered_pushes", 1)
                .observations("stream_resumed", true);
    }

    @Test
    void aClientNeverToldNeverPollsWhileTheDataStops() {
        Fixture.load("network-blackhole-poll-fallback", "fail-never-told").check()
                .is(FAIL, "; the polling fallback delivered 0 pushes while the fault lasted and 2 after it, in 179 ms down"
                        + " (1 request, 5.6/s, 0 failed).")
                .figures("client_detect_ms", null, "reconnect_ms", 229.2, "silent_loss", 2, "down_ms", 178.7, "poll_requests", 1, "poll_failed", 0, "poll_requests_per_s", 5.6,
                        "delivered_via_poll", 2, "delivered_during_fault", 0, "stream_gap_ms", 10083.1, "missed_pushes", 201, "undelivered_pushes", 0)
                .observations("stream_resumed", false);
    }

    @Test
    void withoutASessionAtTheFaultTheFiguresCountFromItAndNoUndeliveredCount() {
        var h = History.of(Fixture.load("network-blackhole-poll-fallback", "degraded-poll-delivered").timeline());
        Map<String, Object> m = PollFallbackChecker.figures(h, "client-1", null, "server-1", null, h.t0(), 50);
        // Down from the fault itself (0) to the open at 3250.0: the polls from 1605.5 to 1905.0.
        assertEquals(3250.0, m.get("down_ms"));
        assertEquals(4L, m.get("poll_requests"));
        assertEquals(1.2, m.get("poll_requests_per_s"));
        assertEquals(null, m.get("undelivered_pushes"));
    }

    @Test
    void aClientNeverDownSaysSoInTheReason() {
        assertEquals("the WebSocket never went down for the application, so it never polled",
                PollFallbackChecker.sentence(new java.util.HashMap<>(Map.of("poll_requests", 0L))));
    }
}
