package io.wsbed.harness.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictRulesTest {
    private static final long BOUND = 2500;

    private static PeerLoss loss(Double detect, boolean reconnectExpected, Double reconnect, long silent,
                                 Integer expected, Integer seen) {
        return new PeerLoss("client", detect, 10_000, reconnectExpected, reconnect, silent, 0, expected, seen);
    }

    @Test
    void promptDetectionWithReconnectAndNoLossPasses() {
        Judgement j = VerdictRules.peerLoss(loss(3.2, true, 150.0, 0, null, 1006), BOUND);
        assertEquals(Verdict.PASS, j.verdict());
        assertTrue(j.reason().contains("3.2 ms"), j.reason());
    }

    @Test
    void lossInFlightAtTheFaultIsReportedButNotJudged() {
        Judgement j = VerdictRules.peerLoss(new PeerLoss("client", 3.0, 10_000, false, null, 0, 2, null, 1006), BOUND);
        assertEquals(Verdict.PASS, j.verdict());
        assertTrue(j.reason().contains("(2 in flight at the fault were lost)"), j.reason());
    }

    @Test
    void neverToldFails() {
        Judgement j = VerdictRules.peerLoss(loss(null, true, 150.0, 0, null, null), BOUND);
        assertEquals(Verdict.FAIL, j.verdict());
        assertTrue(j.reason().contains("10000 ms window"), j.reason());
    }

    @Test
    void noReconnectFailsEvenWhenToldPromptly() {
        assertEquals(Verdict.FAIL, VerdictRules.peerLoss(loss(3.0, true, null, 0, null, 1006), BOUND).verdict());
        assertEquals(Verdict.PASS, VerdictRules.peerLoss(loss(3.0, false, null, 0, null, 1006), BOUND).verdict(),
                "no reconnect is needed where none was expected");
    }

    @Test
    void lateDetectionIsDegradedAndTheBoundIsInclusive() {
        assertEquals(Verdict.DEGRADED, VerdictRules.peerLoss(loss(2500.1, true, 100.0, 0, null, 1006), BOUND).verdict());
        assertEquals(Verdict.PASS, VerdictRules.peerLoss(loss(2500.0, true, 100.0, 0, null, 1006), BOUND).verdict());
    }

    @Test
    void sendsAcceptedBeforeTheSideWasToldAreReportedNotJudged() {
        Judgement j = VerdictRules.peerLoss(loss(3.0, true, 100.0, 2, null, 1006), BOUND);
        assertEquals(Verdict.PASS, j.verdict());
        assertTrue(j.reason().contains("2 messages were reported sent after the peer was gone, before it was told"), j.reason());
    }

    @Test
    void wrongCloseCodeIsDegraded() {
        assertEquals(Verdict.DEGRADED, VerdictRules.peerLoss(loss(3.0, true, 100.0, 0, 1001, 1006), BOUND).verdict());
        assertEquals(Verdict.DEGRADED, VerdictRules.peerLoss(loss(3.0, true, 100.0, 0, 1001, null), BOUND).verdict(),
                "an error without a close code is not the expected 1001");
        assertEquals(Verdict.PASS, VerdictRules.peerLoss(loss(3.0, true, 100.0, 0, 1001, 1001), BOUND).verdict());
        Judgement codeless = VerdictRules.peerLoss(loss(3.0, true, 100.0, 0, 1001, -1), BOUND);
        assertEquals(Verdict.PASS, codeless.verdict(), "a protocol without close codes is not judged on one");
        assertTrue(codeless.reason().contains("no close codes"), codeless.reason());
    }

    @Test
    void sendAfterCloseRefusedEverywherePasses() {
        var j = VerdictRules.sendAfterClose(List.of(new SendCase("client", "local-close", "threw"),
                new SendCase("server", "remote-close", "failed"),
                new SendCase("client", "peer-killed", "false", 12.0, 3)), BOUND);
        assertEquals(Verdict.PASS, j.verdict());
        assertTrue(j.reason().contains("client after peer-killed -> false at 12.0 ms after 3 accepted"), j.reason());
    }

    @Test
    void acceptingASendOnAKnownClosedSessionFails() {
        var j = VerdictRules.sendAfterClose(List.of(new SendCase("client", "local-close", "ok"),
                new SendCase("server", "peer-killed", "failed", 5.0, 0)), BOUND);
        assertEquals(Verdict.FAIL, j.verdict());
        assertTrue(j.reason().contains("client after local-close -> ok"), j.reason());
        assertEquals(Verdict.FAIL, VerdictRules.sendAfterClose(List.of(new SendCase("server", "remote-close", "silent")), BOUND).verdict());
        assertEquals(Verdict.FAIL, VerdictRules.sendAfterClose(List.of(new SendCase("server", "remote-close", "none")), BOUND).verdict(),
                "no answer at all is not being told");
    }

    @Test
    void neverRefusingAfterThePeerDiedFailsAndRefusingLateIsDegraded() {
        assertEquals(Verdict.FAIL, VerdictRules.sendAfterClose(List.of(new SendCase("client", "local-close", "threw"),
                new SendCase("server", "peer-killed", "ok", null, 250)), BOUND).verdict());
        assertEquals(Verdict.DEGRADED, VerdictRules.sendAfterClose(List.of(new SendCase("client", "local-close", "threw"),
                new SendCase("server", "peer-killed", "failed", 2600.0, 50)), BOUND).verdict());
        assertEquals(Verdict.PASS, VerdictRules.sendAfterClose(List.of(
                new SendCase("server", "peer-killed", "failed", 2500.0, 50)), BOUND).verdict(), "the bound is inclusive");
    }

    @Test
    void aVerdictNeedsAReasonAndCasesNeedToExist() {
        assertThrows(IllegalArgumentException.class, () -> new Judgement(Verdict.PASS, " "));
        assertThrows(IllegalArgumentException.class, () -> VerdictRules.sendAfterClose(List.of(), BOUND));
    }
}
