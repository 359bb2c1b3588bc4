package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** client-crash: when was the server told, and did it believe pushes sent after the client was gone? */
class ClientCrashCheckerTest {

    @Test
    void serverToldInTimePassesAndAPushInFlightAtTheKillIsOnlyReported() {
        Fixture.load("client-crash", "pass").check()
                .is(PASS, "The server was told after 29.5 ms", "nothing was reported sent after the peer was gone",
                        "(1 in flight at the fault were lost).")
                .metrics("server_detect_ms", 29.5, "sends_ok_after_t0", 1, "sent_ok_after_peer_gone", 0)
                .observations("server_told", "error java.nio.channels.ClosedChannelException", "server_close_code", 1006,
                        "server_close_reason", "Session Closed", "server_error", "java.nio.channels.ClosedChannelException")
                .keyFigure("29.5 ms");
    }

    @Test
    void serverToldAfterTheBoundIsDegraded() {
        Fixture.load("client-crash", "degraded-late").check()
                .is(DEGRADED, "The server was told only after 2700 ms, later than the 2500 ms bound.")
                .metrics("server_detect_ms", 2700.0, "sends_ok_after_t0", 2, "sent_ok_after_peer_gone", 2)
                .observations("server_told", "error java.util.concurrent.TimeoutException", "server_close_code", 1001,
                        "server_close_reason", "Connection Idle Timeout")
                .keyFigure("2700 ms");
    }

    @Test
    void serverNeverToldFails() {
        Fixture.load("client-crash", "fail-not-told").check()
                .is(FAIL, "The server was never told within the 10000 ms window.")
                .metrics("server_detect_ms", null, "sends_ok_after_t0", 1, "sent_ok_after_peer_gone", 1)
                .observations("server_told", "nothing within 10000 ms", "server_close_code", null, "server_error", null)
                .keyFigure("not within window");
    }

    @Test
    void serverToldOnlyAfterTheWindowFails() {
        Fixture.load("client-crash", "fail-told-after-window").check()
                .is(FAIL, "never told within the 10000 ms window")
                .metrics("server_detect_ms", null, "sends_ok_after_t0", 0, "sent_ok_after_peer_gone", 0)
                .observations("server_told", "nothing within 10000 ms", "server_error", "java.io.IOException");
    }

    @Test
    void pushesReportedSentAfterTheClientWasGoneAreReportedNotJudged() {
        Fixture.load("client-crash", "degraded-sent-after-peer-gone").check()
                .is(PASS, "told after 75.0 ms", "2 messages were reported sent after the peer was gone, before it was told")
                .metrics("server_detect_ms", 75.0, "sends_ok_after_t0", 3, "sent_ok_after_peer_gone", 2)
                .observations("server_told", "close 1006 \"Closed abnormally.\"");
    }

    @Test
    void aPushTheClientReceivedBeforeDyingIsNotLostInFlight() {
        var judged = Fixture.load("client-crash", "pass-push-received-before-death").check()
                .is(PASS, "told after 29.5 ms", "nothing was reported sent after the peer was gone.");
        assertFalse(judged.reason().contains("lost"), judged.reason());
    }
}
