package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;

import org.junit.jupiter.api.Test;

/**
 * send-after-close: each {@code send} mark's answer is the target's {@code sent} event with its
 * seq; a single send must be refused, and a peer-killed case is every send until the first
 * refusal, timed from the {@code fault} mark before its first send.
 */
class SendAfterCloseCheckerTest {

    @Test
    void everySendOnAGoneSessionRefusedPasses() {
        Fixture.load("send-after-close", "pass").check()
                .is(PASS, "Every send on a gone session was refused: client after local-close -> failed, "
                        + "server after remote-close -> failed, server after local-close -> failed, "
                        + "client after remote-close -> threw, server after peer-killed -> failed at 61.9 ms after 2 accepted, "
                        + "client after peer-killed -> false at 22.3 ms.")
                .metrics("client_local_close_told_ms", 10.713, "server_remote_close_told_ms", 5.594,
                        "server_local_close_told_ms", 0.059, "client_remote_close_told_ms", 0.148,
                        "server_peer_killed_told_ms", 61.9, "server_peer_killed_accepted", 2,
                        "client_peer_killed_told_ms", 22.3, "client_peer_killed_accepted", 0,
                        "told_sends", 6, "sends", 6)
                .observations("client_local_close_outcome", "failed", "client_local_close_error", "java.io.IOException",
                        "client_local_close_detected_before_send", true,
                        "server_remote_close_error", "java.nio.channels.ClosedChannelException",
                        "client_remote_close_outcome", "threw", "client_remote_close_error", "java.lang.IllegalStateException",
                        "server_peer_killed_detected_before_send", false, "server_peer_killed_first_outcome", "ok",
                        "server_peer_killed_outcome", "failed",
                        "server_peer_killed_error", "java.nio.channels.ClosedChannelException",
                        "client_peer_killed_detected_before_send", false, "client_peer_killed_first_outcome", "false",
                        "client_peer_killed_outcome", "false", "client_peer_killed_error", null)
                .keyFigure("6/6 told");
    }

    @Test
    void aSendAnsweredOkOrSilentOnAClosedSessionFails() {
        Fixture.load("send-after-close", "fail-silent-and-ok").check()
                .is(FAIL, "A send on a gone session was never refused: client after local-close -> ok, "
                        + "server after remote-close -> silent.")
                .metrics("client_local_close_told_ms", null, "server_remote_close_told_ms", null,
                        "server_local_close_told_ms", 0.07, "client_remote_close_told_ms", 0.12,
                        "server_peer_killed_told_ms", 20.3, "server_peer_killed_accepted", 0,
                        "client_peer_killed_told_ms", 20.5, "client_peer_killed_accepted", 0,
                        "told_sends", 4, "sends", 6)
                .observations("client_local_close_outcome", "ok", "client_local_close_error", null,
                        "client_local_close_detected_before_send", false, "server_remote_close_outcome", "silent",
                        "server_local_close_error", "java.io.IOException")
                .keyFigure("4/6 told");
    }

    @Test
    void aPeerKilledCaseNeverRefusedFailsWithWhatWasAccepted() {
        Fixture.load("send-after-close", "fail-peer-killed-never-refused").check()
                .is(FAIL, "A send on a gone session was never refused: server after peer-killed -> silent after 3 accepted.")
                .metrics("server_peer_killed_told_ms", null, "server_peer_killed_accepted", 3, "told_sends", 0, "sends", 1)
                .observations("server_peer_killed_first_outcome", "silent", "server_peer_killed_outcome", "silent",
                        "server_peer_killed_error", null)
                .keyFigure("0/1 told");
    }

    @Test
    void aRefusalLaterThanTheBoundAfterThePeerWasKilledIsDegraded() {
        Fixture.load("send-after-close", "degraded-refused-late").check()
                .is(DEGRADED, "Every send on a gone session was refused, but late: "
                        + "server after peer-killed -> failed at 2520 ms after 2 accepted (bound 2500 ms).")
                .metrics("server_peer_killed_told_ms", 2520.0, "server_peer_killed_accepted", 2,
                        "client_peer_killed_told_ms", 22.3, "client_peer_killed_accepted", 0, "told_sends", 2, "sends", 2)
                .observations("server_peer_killed_first_outcome", "ok",
                        "server_peer_killed_error", "java.nio.channels.InterruptedByTimeoutException",
                        "client_peer_killed_error", "java.io.IOException")
                .keyFigure("2/2 told");
    }

    @Test
    void aSendNeverAnsweredIsNotCountedAsAccepted() {
        Fixture.load("send-after-close", "peer-killed-unanswered-send").check()
                .is(DEGRADED, "server after peer-killed -> failed at 3060 ms after 1 accepted")
                .metrics("server_peer_killed_told_ms", 3060.2, "server_peer_killed_accepted", 1, "told_sends", 1, "sends", 1);
    }
}
