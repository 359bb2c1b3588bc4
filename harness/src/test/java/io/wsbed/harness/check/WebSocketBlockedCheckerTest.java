package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.ERROR;
import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsbed.harness.result.TimelineEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * websocket-blocked and websocket-blocked-403: a fallback that keeps data flowing and a client
 * that gives up and says so pass; telling late or retrying in silence is degraded; a session
 * claimed open with nothing on it, or no word at all, fails. Every figure pinned.
 */
class WebSocketBlockedCheckerTest {

    @Test
    void aClientThatGivesUpAtOnceAndSaysSoPassesAndCountsOnlyAttemptsThatStartedInTheWindow() {
        Fixture.load("websocket-blocked", "pass-gave-up").check()
                .is(PASS, "The client gave up and told the application after 14.2 ms "
                        + "(error java.net.http.WebSocketHandshakeException: null); 4 attempts in 4000 ms.")
                .metrics(nothingFlowed(14.2, 4))
                .observations("told", "error java.net.http.WebSocketHandshakeException: null",
                        "client_told", "error java.net.http.WebSocketHandshakeException", "told_status", "none",
                        "data_flowed", "no",
                        "transport", "none", "control_transport", "websocket",
                        "client_transport", "control: websocket; blocked: none")
                .keyFigure("14.2 ms");
    }

    @Test
    void theForbiddingProxyJudgesAGiveUpTheSameWay() {
        Fixture.load("websocket-blocked", "pass-gave-up").as("websocket-blocked-403").check()
                .is(PASS, "gave up and told the application after 14.2 ms");
    }

    @Test
    void dataThatKeepsFlowingOverPollingPassesWithBothRoundTripsAndOnlyUpgradedControlEchoes() {
        Fixture.load("websocket-blocked-403", "pass-fell-back-to-polling").check()
                .is(PASS, "Data kept flowing over polling: 3 pushes, echo round trip p50 13.4 / p95 16.1 ms "
                        + "(through the open proxy over WebSocket: 2.2 / 2.6 ms).")
                .metrics("gave_up_ms", null, "attempts", 1, "data_flowed", 1, "delivered", 3,
                        "latency_p50_ms", 13.4, "latency_p95_ms", 16.1, "ws_latency_p50_ms", 2.2, "ws_latency_p95_ms", 2.6)
                .observations("told", "nothing within 4000 ms", "client_told", "nothing within 4000 ms", "told_status", "none",
                        "data_flowed", "yes", "transport", "polling",
                        "control_transport", "polling -> websocket",
                        "client_transport", "control: polling -> websocket; blocked: polling",
                        "server_transport", "polling -> websocket")
                .keyFigure("data flowed");
    }

    @Test
    void aFallbackThatIsLaterToldItEndedStillPassesAndSaysWhen() {
        Fixture.load("websocket-blocked-403", "pass-fell-back-to-polling")
                .plus(new TimelineEntry("client-2", 3000.0, "close",
                        Map.of("session", "c1", "code", -1, "reason", "transport close", "local", false)))
                .check()
                .is(PASS, "Data kept flowing over polling", "; told at 3000 ms (close without a code \"transport close\").")
                .figures("gave_up_ms", 3000.0, "data_flowed", 1);
    }

    @Test
    void aClientToldOnlyAfterTheBoundIsDegraded() {
        Fixture.load("websocket-blocked", "degraded-told-late").check()
                .is(DEGRADED, "The client told the application only after 3012 ms, later than the bound of 2500 ms "
                        + "(error java.net.SocketTimeoutException: timeout); 2 attempts in 4000 ms.")
                .metrics(nothingFlowed(3012.0, 2))
                .keyFigure("3012 ms");
    }

    @Test
    void retryingWithoutTellingTheApplicationIsDegraded() {
        Fixture.load("websocket-blocked-403", "degraded-silent-retry").check()
                .is(DEGRADED, "The client retried 2 times in 4000 ms without telling the application anything, "
                        + "and nothing flowed.")
                .metrics(nothingFlowed(null, 3))
                .observations("told", "nothing within 4000 ms", "transport", "none")
                .keyFigure("not within window");
    }

    @Test
    void anOpenTooCloseToTheEndToHaveSeenDataIsNoClaimOfAWorkingSession() {
        Fixture.load("websocket-blocked-403", "degraded-silent-retry")
                .plus(new TimelineEntry("client-2", 3700.0, "open", Map.of("session", "c1")))
                .check()
                .is(DEGRADED, "retried 2 times");
    }

    @Test
    void aSessionClaimedOpenWithNothingOnItFails() {
        Fixture.load("websocket-blocked", "fail-open-without-data").check()
                .is(FAIL, "The client opened a session through the blocking proxy after 11.0 ms and nothing arrived on it"
                        + " in the 3990 ms that followed, without an error or close: the application believes it is connected.")
                .metrics(nothingFlowed(null, 1));
    }

    @Test
    void aClaimedSessionThatIsLaterClosedIsAGiveUpNotALie() {
        Fixture.load("websocket-blocked", "fail-open-without-data")
                .plus(new TimelineEntry("client-2", 40.0, "close",
                        Map.of("session", "c1", "code", 1002, "reason", "", "local", false)))
                .check()
                .is(PASS, "after 40.0 ms (close 1002); 1 attempt in 4000 ms.");
    }

    @Test
    void noWordAndNoRetryFails() {
        Fixture.load("websocket-blocked", "fail-told-nothing").check()
                .is(FAIL, "The client told the application nothing and nothing flowed in 4000 ms.")
                .metrics(nothingFlowed(null, 1))
                .observations("told", "nothing within 4000 ms");
    }

    @Test
    void theHttpStatusNamedInTheErrorIsItsOwnObservation() {
        Fixture.load("websocket-blocked", "pass-gave-up")
                .map(e -> e.source().equals("client-2") && e.ev().equals("error") ? withField(e, "error",
                        "java.net.ProtocolException: Expected HTTP 101 response but was '403 Forbidden'") : e)
                .check()
                .is(PASS, "(error java.net.ProtocolException: Expected HTTP 101 response but was '403 Forbidden')")
                .observations("told_status", "403");
    }

    @Test
    void aCloseCodeIsNoHttpStatus() {
        Fixture.load("websocket-blocked", "fail-open-without-data")
                .plus(new TimelineEntry("client-2", 40.0, "close",
                        Map.of("session", "c1", "code", 4403, "reason", "", "local", false)))
                .check()
                .observations("told", "close 4403", "told_status", "none");
    }

    @Test
    void aLongErrorTextIsCutForTheObservation() {
        String longText = "java.io.IOException: " + "x".repeat(300);
        Fixture.Judged judged = Fixture.load("websocket-blocked", "pass-gave-up")
                .map(e -> e.source().equals("client-2") && e.ev().equals("error") ? withField(e, "error", longText) : e)
                .check();
        String told = (String) judged.observations().get("told");
        assertEquals(WebSocketBlockedChecker.TOLD_CHARS, told.length(), told);
        assertEquals(("error " + longText).substring(0, WebSocketBlockedChecker.TOLD_CHARS - 3) + "...", told);
    }

    @Test
    void thePollingFallbackKeepsDataComingThroughAProxyThatBlocksTheUpgradeAndCountsWhatItCost() {
        Fixture.load("websocket-blocked-poll-fallback", "pass-data-by-poll").check()
                .is(PASS, "Data kept flowing over poll: 5 pushes (no echo came back); told at 14.2 ms",
                        "the polling fallback delivered 5 pushes while the fault lasted and 0 after it,"
                                + " in 500 ms down (4 requests, 8.0/s, 1 failed).")
                .metrics("gave_up_ms", 14.2, "attempts", 3, "data_flowed", 1, "delivered", 5,
                        "latency_p50_ms", null, "latency_p95_ms", null, "ws_latency_p50_ms", 1.8, "ws_latency_p95_ms", 3.3,
                        "down_ms", 500.0, "poll_requests", 4, "poll_failed", 1, "poll_requests_per_s", 8.0,
                        "delivered_via_poll", 5, "delivered_during_fault", 5, "stream_gap_ms", 199.9,
                        "missed_pushes", 3, "undelivered_pushes", null)
                .observations("transport", "poll", "data_flowed", "yes", "stream_resumed", false,
                        "client_transport", "control: websocket; blocked: poll")
                .keyFigure("data flowed");
    }

    @Test
    void aFaultMarkWithoutTheBlockedClientIsAHarnessError() {
        Fixture.load("websocket-blocked", "pass-gave-up")
                .map(e -> e.ev().equals("fault") ? withField(e, "client", null) : e)
                .check()
                .is(ERROR, "names no client or window_ms");
    }

    /**
     * The figures of a client that got no data through the blocking proxy, after the control
     * session of the websocket-blocked fixtures (echoes of 1.2, 1.8, 2.0 and 3.3 ms).
     */
    private static Object[] nothingFlowed(Double gaveUpMs, long attempts) {
        return new Object[] {"gave_up_ms", gaveUpMs, "attempts", attempts, "data_flowed", 0, "delivered", 0,
                "latency_p50_ms", null, "latency_p95_ms", null, "ws_latency_p50_ms", 1.8, "ws_latency_p95_ms", 3.3};
    }

    private static TimelineEntry withField(TimelineEntry e, String name, Object value) {
        Map<String, Object> fields = new LinkedHashMap<>(e.fields());
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
        return new TimelineEntry(e.source(), e.ms(), e.ev(), fields);
    }
}
