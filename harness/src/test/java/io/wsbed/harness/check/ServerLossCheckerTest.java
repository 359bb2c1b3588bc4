package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.wsbed.harness.result.TimelineEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** server-crash, server-stop and the two reconnect variants, judged from hand-made histories. */
class ServerLossCheckerTest {

    @Test
    void clientToldInTimeAndBackAfterTheRestartPasses() {
        Fixture.load("server-crash", "pass").check()
                .is(PASS, "told after 18.0 ms", "reconnected 343 ms after the server was back",
                        "nothing was reported sent after the peer was gone.")
                .metrics("client_detect_ms", 18.0, "server_restart_ms", 1113.4, "reconnect_ms", 343.3,
                        "reconnect_attempts", 3, "silent_loss", 0, "silent_loss_to_client", 0, "silent_loss_to_server", 0,
                        "sent_ok_after_peer_gone", 0, "stream_gap_ms", 2028.0, "missed_pushes", 40)
                .observations("client_told", "close 1006", "client_close_code", 1006, "client_close_reason", "",
                        "client_error", null)
                .keyFigure("18.0 ms");
    }

    @Test
    void aGracefulObservationIsOnlyReportedForServerStop() {
        var obs = Fixture.load("server-crash", "pass").check().observations();
        assertFalse(obs.containsKey("server_exited_after_stop") || obs.containsKey("server_stopped_event"), obs.toString());
    }

    @Test
    void aPushLostInFlightAtTheKillIsReportedButStillPasses() {
        Fixture.load("server-crash", "pass-nginx-in-flight-lost").check()
                .is(PASS, "told after 35.8 ms", "reconnected 1154 ms", "(1 in flight at the fault were lost).")
                .metrics("client_detect_ms", 35.8, "server_restart_ms", 765.3, "reconnect_ms", 1154.2,
                        "reconnect_attempts", 4, "silent_loss", 1, "silent_loss_to_client", 1, "silent_loss_to_server", 0,
                        "sent_ok_after_peer_gone", 0, "stream_gap_ms", 2552.0, "missed_pushes", 50)
                .keyFigure("35.8 ms");
    }

    @Test
    void overWssTheSameHistoryIsJudgedAlikeAndGetsBothHandshakeFigures() {
        Fixture.load("server-crash", "pass-wss").check()
                .is(PASS, "told after 35.8 ms", "reconnected 1154 ms", "(1 in flight at the fault were lost).")
                .metrics("client_detect_ms", 35.8, "server_restart_ms", 765.3, "reconnect_ms", 1154.2,
                        "reconnect_attempts", 4, "silent_loss", 1, "silent_loss_to_client", 1, "silent_loss_to_server", 0,
                        "sent_ok_after_peer_gone", 0, "stream_gap_ms", 2552.0, "missed_pushes", 50,
                        "handshake_ms", 912.0, "reconnect_handshake_ms", 293.3)
                .keyFigure("35.8 ms");
    }

    @Test
    void toldAfterTheBoundIsDegradedEvenWithMessagesAcceptedMeanwhile() {
        Fixture.load("server-crash", "degraded-late").check()
                .is(DEGRADED, "told only after 2612 ms", "later than the 2500 ms bound")
                .metrics("client_detect_ms", 2612.3, "server_restart_ms", 709.4, "reconnect_ms", 1490.5,
                        "reconnect_attempts", 1, "silent_loss", 2, "silent_loss_to_client", 0, "silent_loss_to_server", 2,
                        "sent_ok_after_peer_gone", 2, "stream_gap_ms", 2761.1, "missed_pushes", 54)
                .observations("client_told", "error java.util.concurrent.TimeoutException", "client_close_code", 1006,
                        "client_error", "java.util.concurrent.TimeoutException")
                .keyFigure("2612 ms");
    }

    @Test
    void aMessageReportedSentAfterThePeerWasGoneIsReportedNotJudged() {
        Fixture.load("server-crash", "degraded-sent-after-peer-gone").check()
                .is(PASS, "told after 41.7 ms", "1 message was reported sent after the peer was gone, before it was told")
                .metrics("client_detect_ms", 41.7, "server_restart_ms", 999.0, "reconnect_ms", 150.0,
                        "reconnect_attempts", 1, "silent_loss", 1, "silent_loss_to_client", 0, "silent_loss_to_server", 1,
                        "sent_ok_after_peer_gone", 1, "stream_gap_ms", 1708.5, "missed_pushes", 33);
    }

    @Test
    void neverToldFails() {
        Fixture.load("server-crash", "fail-never-told").check()
                .is(FAIL, "never told within the 10000 ms window")
                .metrics("client_detect_ms", null, "server_restart_ms", 599.0, "reconnect_ms", null,
                        "reconnect_attempts", 0, "silent_loss", 2, "silent_loss_to_client", 0, "silent_loss_to_server", 2,
                        "sent_ok_after_peer_gone", 2, "stream_gap_ms", null, "missed_pushes", null)
                .observations("client_told", "nothing within 10000 ms", "client_close_code", null, "client_error", null)
                .keyFigure("not within window");
    }

    @Test
    void aSendAnsweredSilentTellsTheApplicationNothing() {
        Fixture.load("server-crash", "fail-never-told-silent-sends").check()
                .is(FAIL, "never told within the 10000 ms window")
                .metrics("client_detect_ms", null, "server_restart_ms", 599.0, "reconnect_ms", null,
                        "reconnect_attempts", 0, "silent_loss", 0, "silent_loss_to_client", 0, "silent_loss_to_server", 0,
                        "sent_ok_after_peer_gone", 0, "stream_gap_ms", null, "missed_pushes", null)
                .observations("client_told", "nothing within 10000 ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"failed", "threw", "false"})
    void aRefusedSendTellsTheApplication(String outcome) {
        Fixture.load("server-crash", "told-by-refused-send").map(e -> withOutcome(e, 4, outcome)).check()
                .is(PASS, "told after 30.0 ms", "reconnected 131 ms after the server was back")
                .metrics("client_detect_ms", 30.0, "server_restart_ms", 599.0, "reconnect_ms", 131.0,
                        "reconnect_attempts", 1, "silent_loss", 0, "silent_loss_to_client", 0, "silent_loss_to_server", 0,
                        "sent_ok_after_peer_gone", 0, "stream_gap_ms", 1288.7, "missed_pushes", 25)
                .observations("client_told", "send " + outcome + " java.io.IOException", "client_close_code", null,
                        "client_error", null);
    }

    @Test
    void theSameRefusalAnsweredSilentIsNeverTold() {
        Fixture.load("server-crash", "told-by-refused-send").map(e -> withOutcome(e, 4, "silent")).check()
                .is(FAIL, "never told within the 10000 ms window");
    }

    @Test
    void toldButNeverBackFails() {
        Fixture.load("server-crash", "fail-no-reconnect").check()
                .is(FAIL, "told after 18.0 ms but did not reconnect within the window after the server was back")
                .metrics("client_detect_ms", 18.0, "server_restart_ms", 599.0, "reconnect_ms", null,
                        "reconnect_attempts", 4, "silent_loss", 0, "silent_loss_to_client", 0, "silent_loss_to_server", 0,
                        "sent_ok_after_peer_gone", 0, "stream_gap_ms", null, "missed_pushes", null)
                .keyFigure("18.0 ms");
    }

    @Test
    void toldOnlyAfterTheWindowIsNeverToldWithinIt() {
        Fixture.load("server-crash", "fail-told-after-window").check()
                .is(FAIL, "never told within the 10000 ms window")
                .observations("client_told", "nothing within 10000 ms")
                .keyFigure("not within window");
    }

    @Test
    void gracefulStopWith1001Passes() {
        Fixture.load("server-stop", "pass-1001").check()
                .is(PASS, "told after 13.4 ms", "reconnected 101 ms after the server was back")
                .metrics("client_detect_ms", 13.4, "server_restart_ms", 654.8, "reconnect_ms", 100.7,
                        "reconnect_attempts", 2, "silent_loss", 0, "silent_loss_to_client", 0, "silent_loss_to_server", 0,
                        "sent_ok_after_peer_gone", 0, "stream_gap_ms", 1310.3, "missed_pushes", 25)
                .observations("client_told", "close 1001 \"Going Away\"", "client_close_code", 1001,
                        "client_close_reason", "Going Away", "server_exited_after_stop", true, "server_stopped_event", true);
    }

    @Test
    void gracefulStopSeenAs1006IsDegraded() {
        Fixture.load("server-stop", "degraded-1006").check()
                .is(DEGRADED, "told after 36.1 ms", "close code 1006 instead of 1001")
                .metrics("client_detect_ms", 36.1, "server_restart_ms", 699.8, "reconnect_ms", 140.0,
                        "reconnect_attempts", 1, "silent_loss", 0, "silent_loss_to_client", 0, "silent_loss_to_server", 0,
                        "sent_ok_after_peer_gone", 0, "stream_gap_ms", 1400.0, "missed_pushes", 27)
                .observations("client_close_code", 1006, "server_exited_after_stop", true, "server_stopped_event", true);
    }

    @Test
    void gracefulStopSeenAsAnErrorIsDegradedAndAHungServerIsObserved() {
        Fixture.load("server-stop", "degraded-error-not-exited").check()
                .is(DEGRADED, "told after 22.5 ms", "an error and no close code instead of 1001")
                .metrics("client_detect_ms", 22.5, "server_restart_ms", 689.6, "reconnect_ms", 112.0,
                        "reconnect_attempts", 2, "silent_loss", 0, "silent_loss_to_client", 0, "silent_loss_to_server", 0,
                        "sent_ok_after_peer_gone", 0, "stream_gap_ms", 3860.0, "missed_pushes", 76)
                .observations("client_told", "error java.io.IOException", "client_close_code", null,
                        "client_error", "java.io.IOException", "server_exited_after_stop", false,
                        "server_stopped_event", false);
    }

    @Test
    void theSameStopHistoryJudgedAsACrashNeedsNo1001() {
        Fixture.load("server-stop", "degraded-1006").as("server-crash").check()
                .is(PASS, "told after 36.1 ms");
    }

    @Test
    void withoutReconnectDetectionAlonePasses() {
        var judged = Fixture.load("server-crash-no-reconnect", "pass").check()
                .is(PASS, "told after 18.0 ms, and nothing was reported sent after the peer was gone.")
                .metrics("client_detect_ms", 18.0, "server_restart_ms", 599.0, "reconnect_ms", null,
                        "reconnect_attempts", 0, "silent_loss", 0, "silent_loss_to_client", 0, "silent_loss_to_server", 0,
                        "sent_ok_after_peer_gone", 0, "stream_gap_ms", null, "missed_pushes", null)
                .keyFigure("18.0 ms");
        assertFalse(judged.reason().contains("reconnect"), judged.reason());
    }

    @Test
    void theSameHistoryWithReconnectExpectedFails() {
        Fixture.load("server-crash-no-reconnect", "pass").as("server-crash").check()
                .is(FAIL, "did not reconnect");
    }

    @Test
    void builtinReconnectWithoutBackoffEventsPasses() {
        Fixture.load("server-crash-builtin-reconnect", "pass").check()
                .is(PASS, "told after 21.4 ms", "reconnected 250 ms after the server was back")
                .metrics("client_detect_ms", 21.4, "server_restart_ms", 599.0, "reconnect_ms", 250.3,
                        "reconnect_attempts", 0, "silent_loss", 0, "silent_loss_to_client", 0, "silent_loss_to_server", 0,
                        "sent_ok_after_peer_gone", 0, "stream_gap_ms", 1408.5, "missed_pushes", 27)
                .observations("client_told", "close 1006 \"Closed abnormally.\"");
    }

    /** The entry of the {@code sent} event with that seq, answered {@code outcome} instead. */
    static TimelineEntry withOutcome(TimelineEntry e, long seq, String outcome) {
        if (!e.ev().equals("sent") || !(e.fields().get("seq") instanceof Number n) || n.longValue() != seq) {
            return e;
        }
        Map<String, Object> f = new LinkedHashMap<>(e.fields());
        f.put("outcome", outcome);
        return new TimelineEntry(e.source(), e.ms(), e.ev(), f);
    }
}
