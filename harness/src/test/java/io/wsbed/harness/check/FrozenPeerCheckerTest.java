package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;

import io.wsbed.harness.scenario.Profile;
import org.junit.jupiter.api.Test;

/**
 * frozen-server and frozen-client: a session that resumes is a PASS without a heartbeat and
 * DEGRADED with one (the heartbeat missed a freeze twice its deadline); a cut during the freeze
 * told to both sides is a PASS with a heartbeat and DEGRADED without (the defaults cut a session
 * whose peer came back); a half-open session is DEGRADED; a session that neither ends nor carries
 * messages after the thaw, or resumes having lost messages, is a FAIL.
 */
class FrozenPeerCheckerTest {

    @Test
    void aSessionThatResumesUnnoticedPassesWithoutAHeartbeat() {
        Fixture.load("frozen-server", "pass-resumed").check()
                .is(PASS, "Nothing noticed the 3003 ms freeze, as expected without a heartbeat;"
                        + " the session resumed after the thaw with nothing lost.")
                .figures("resumed", 1, "client_detect_ms", null, "server_detect_ms", null,
                        "frozen_told_after_thaw_ms", null, "lost_before_freeze", 0)
                .observations("resumed", "yes", "frozen", "server", "cut_by", null)
                .keyFigure("resumed");
    }

    @Test
    void aHeartbeatThatMissesTheFreezeIsDegraded() {
        Fixture.load("frozen-server", "pass-resumed").in(Profile.HEARTBEAT).check()
                .is(DEGRADED, "The heartbeat did not notice a 3003 ms freeze (deadline 1500 ms);"
                        + " the session resumed after the thaw.");
    }

    @Test
    void aHeartbeatCutDuringTheFreezeToldToBothSidesPassesAndNamesTheCost() {
        Fixture.load("frozen-server", "pass-cut").check()
                .is(PASS, "The heartbeat cut the frozen peer during the freeze and both sides were told:"
                        + " client after 1696 ms (error HeartbeatTimeout), server after 3012 ms"
                        + " (error org.eclipse.jetty.io.EofException).", "The peer came back after 3003 ms: a pause longer"
                        + " than the deadline costs the session; 34 messages reported sent from the freeze on never arrived.")
                .figures("resumed", 0, "client_detect_ms", 1696.3, "server_detect_ms", 3011.5,
                        "frozen_told_after_thaw_ms", 8.4, "lost_before_freeze", 0, "recv_after_thaw", 0, "silent_loss", 34)
                .observations("cut_by", "client during the freeze", "client_error", "HeartbeatTimeout")
                .keyFigure("1696 ms");
    }

    @Test
    void defaultsThatCutASessionWhosePeerCameBackAreDegraded() {
        Fixture.load("frozen-server", "pass-cut").in(Profile.DEFAULT).check()
                .is(DEGRADED, "The stack's defaults cut a session whose peer came back after a 3003 ms freeze:"
                        + " client after 1696 ms");
    }

    @Test
    void aHeartbeatThatCutsOnlyAfterTheThawIsDegraded() {
        Fixture.load("frozen-server", "degraded-cut-on-thaw").check()
                .is(DEGRADED, "The heartbeat did not cut the frozen peer during the 3003 ms freeze (deadline 1500 ms);"
                        + " the session ended only after the thaw: client after 3025 ms (close 1001 \"heartbeat\")")
                .figures("frozen_told_after_thaw_ms", 16.9)
                .observations("cut_by", "server after the thaw");
    }

    @Test
    void aFrozenSideNeverToldAfterTheThawIsHalfOpen() {
        Fixture.load("frozen-server", "degraded-half-open").check()
                .is(DEGRADED, "Only one side was told the session ended: client after 1696 ms (error HeartbeatTimeout),"
                        + " server not told; the other kept a dead session after the thaw; 48 messages reported sent"
                        + " from the freeze on never arrived.")
                .figures("frozen_told_after_thaw_ms", null, "resumed", 0);
    }

    @Test
    void aSessionThatNeitherEndsNorCarriesMessagesAfterTheThawFails() {
        Fixture.load("frozen-server", "fail-silently-dead").check()
                .is(FAIL, "After the 3003 ms freeze the session neither ended nor carried messages both ways:"
                        + " silently dead")
                .figures("resumed", 0, "recv_after_thaw", 0);
    }

    @Test
    void aSessionThatResumesWithoutAMessageSentBeforeTheFreezeFails() {
        Fixture.load("frozen-server", "fail-resumed-lost").check()
                .is(FAIL, "The session resumed after the 3003 ms freeze; 1 message sent before the freeze never arrived.")
                .figures("resumed", 1, "lost_before_freeze", 1, "silent_loss", 0);
    }

    @Test
    void aSessionThatResumesWithoutAMessageSentDuringTheFreezeFails() {
        Fixture.load("frozen-server", "pass-resumed")
                .without(e -> e.source().equals("server-1") && e.ev().equals("recv")
                        && Integer.valueOf(10).equals(e.fields().get("seq")))
                .check()
                .is(FAIL, "The session resumed after the 3003 ms freeze; 1 message reported sent from the freeze on"
                        + " never arrived.")
                .figures("resumed", 1, "lost_before_freeze", 0, "silent_loss", 1);
    }

    @Test
    void inTheClientViewTheServerWatchesTheFrozenClient() {
        Fixture.load("frozen-client", "pass-cut").check()
                .is(PASS, "server after 1619 ms (error HeartbeatTimeout), client after 3010 ms"
                        + " (error java.net.SocketException)")
                .figures("server_detect_ms", 1618.5, "frozen_told_after_thaw_ms", 7.2)
                .observations("frozen", "client", "cut_by", "server during the freeze")
                .keyFigure("1619 ms");
    }
}
