package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * network-blackhole, network-reset and proxy-down: both sides told within the bound, the client
 * back after the {@code recover} mark, and which ends count (for blackhole and reset only those
 * before the recovery; for proxy-down, which recovers at a fixed time, also those after it).
 */
class NetworkFaultCheckerTest {

    @Test
    void bothSidesToldInTimeAndBackAfterRecoveryPasses() {
        Fixture.load("network-blackhole", "pass").check()
                .is(PASS, "Both sides were told within the bound (client after 1604 ms, server after 1651 ms)",
                        "the client reconnected 199 ms after the network recovered",
                        "; 2 messages were reported sent but never arrived.")
                .metrics("client_detect_ms", 1604.3, "server_detect_ms", 1650.8, "reconnect_ms", 198.7, "silent_loss", 2,
                        "stream_gap_ms", 1880.4, "missed_pushes", 37, "undelivered_pushes", 1)
                .observations("client_told", "close 1006", "server_told", "error java.util.concurrent.TimeoutException",
                        "server_error", "java.util.concurrent.TimeoutException", "client_detected", "yes",
                        "server_detected", "yes")
                .keyFigure("1604 ms");
    }

    @Test
    void onlyOneSideToldIsDegradedAndABlackholeEndAfterRecoveryDoesNotCount() {
        Fixture.load("network-blackhole", "degraded-one-side").check()
                .is(DEGRADED, "Only one side was told: client after 1604 ms, server not told",
                        "2 messages were reported sent but never arrived")
                .metrics("client_detect_ms", 1604.3, "server_detect_ms", null, "reconnect_ms", 209.8, "silent_loss", 2,
                        "stream_gap_ms", 10240.0, "missed_pushes", 204, "undelivered_pushes", 1)
                .observations("server_told", "close 1006 \"Session Closed\"", "server_detected", "not within 10000 ms");
    }

    @Test
    void bothToldButOneAfterTheBoundIsDegraded() {
        Fixture.load("network-blackhole", "degraded-late").check()
                .is(DEGRADED, "Both sides were told, but later than the 2500 ms bound: client after 1604 ms, server after 3021 ms.")
                .metrics("client_detect_ms", 1604.3, "server_detect_ms", 3020.7, "reconnect_ms", 228.5, "silent_loss", 0,
                        "stream_gap_ms", 3279.4, "missed_pushes", 65, "undelivered_pushes", 0);
    }

    @Test
    void neitherSideToldWithinTheWindowFailsEvenThoughBothLearnAtTheRecovery() {
        Fixture.load("network-blackhole", "fail-neither").check()
                .is(FAIL, "Neither side was told within the 10000 ms window; 3 messages were reported sent but never arrived.")
                .metrics("client_detect_ms", null, "server_detect_ms", null, "reconnect_ms", 229.2, "silent_loss", 3,
                        // the data stream stopped at the fault and never came back within the observation
                        "stream_gap_ms", 10261.8, "missed_pushes", 204, "undelivered_pushes", 1)
                .observations("client_told", "close 1006", "client_detected", "not within 10000 ms",
                        "server_told", "send failed java.nio.channels.ClosedChannelException",
                        "server_detected", "not within 10000 ms")
                .keyFigure("not within window");
    }

    @Test
    void bothToldButNoNewSessionAfterRecoveryFails() {
        Fixture.load("network-blackhole", "fail-no-reconnect").check()
                .is(FAIL, "The client did not reconnect after the network recovered (client after 1604 ms, server after 1651 ms).")
                .metrics("client_detect_ms", 1604.3, "server_detect_ms", 1650.8, "reconnect_ms", null, "silent_loss", 0,
                        "stream_gap_ms", 11681.0, "missed_pushes", 233, "undelivered_pushes", 0);
    }

    @Test
    void aResetToldToBothSidesAtOncePasses() {
        Fixture.load("network-reset", "pass").check()
                .is(PASS, "Both sides were told within the bound (client after 13.1 ms, server after 14.0 ms)",
                        "reconnected 125 ms after the network recovered.")
                .metrics("client_detect_ms", 13.1, "server_detect_ms", 14.0, "reconnect_ms", 125.2, "silent_loss", 0)
                .observations("client_told", "error java.io.IOException", "client_close_code", 1006,
                        "server_told", "error java.io.IOException", "server_close_code", null)
                .keyFigure("13.1 ms");
    }

    @Test
    void forProxyDownARefusedSendAfterTheRecoveryCountsAsDetection() {
        Fixture.load("proxy-down", "pass-told-after-recovery").check()
                .is(PASS, "Both sides were told within the bound (client after 3.1 ms, server after 1062 ms)",
                        "reconnected 119 ms after the network recovered", "1 message was reported sent but never arrived")
                .metrics("client_detect_ms", 3.1, "server_detect_ms", 1062.3, "reconnect_ms", 119.1, "silent_loss", 1)
                .observations("server_told", "send failed java.nio.channels.ClosedChannelException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"network-blackhole", "network-reset"})
    void forFaultsThatRecoverAfterDetectionTheSameLateEndDoesNotCount(String scenario) {
        Fixture.load("proxy-down", "pass-told-after-recovery").as(scenario).check()
                .is(DEGRADED, "Only one side was told: client after 3.1 ms, server not told")
                .figures("client_detect_ms", 3.1, "server_detect_ms", null, "reconnect_ms", 119.1, "silent_loss", 1);
    }

    @Test
    void proxyDownToldOnOneSideOnlyIsDegraded() {
        Fixture.load("proxy-down", "degraded-one-side").check()
                .is(DEGRADED, "Only one side was told: client after 2.1 ms, server not told.")
                .metrics("client_detect_ms", 2.1, "server_detect_ms", null, "reconnect_ms", 149.5, "silent_loss", 0)
                .observations("server_told", "nothing within 10000 ms", "server_detected", "not within 10000 ms");
    }

    @Test
    void forProxyDownAnEndAfterRecoveryStillHasToComeWithinTheWindow() {
        Fixture.load("network-blackhole", "fail-neither").as("proxy-down").check()
                .is(FAIL, "Neither side was told within the 10000 ms window")
                .metrics("client_detect_ms", null, "server_detect_ms", null, "reconnect_ms", 229.2, "silent_loss", 3);
    }
}
