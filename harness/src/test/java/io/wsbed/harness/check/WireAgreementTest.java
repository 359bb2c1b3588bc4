package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.ERROR;
import static io.wsbed.harness.verdict.Verdict.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.verdict.Judgement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cross-check of the detection figures against the capture, on captured histories changed by
 * hand into ones a working harness could not have recorded: each must become an ERROR that names
 * both times, and the legitimate cases next to them must not.
 */
class WireAgreementTest {

    @Test
    void aDetectionBeforeAnyFinWhileBytesStillArrivedIsAHarnessError() {
        Fixture.load("server-crash", "pass-wire").map(WireAgreementTest::clientToldAt5Ms).check()
                .is(ERROR, "The harness failed: the wire cross-check: the client was told at 5.0 ms (close 1006)",
                        "but no FIN, RST or Close had reached its socket by then (the first FIN at 23.1 ms)",
                        "bytes reached it only 2.4 ms before: nothing on the wire explains the detection.")
                .figures("client_detect_ms", 5.0, "client_wire_ms", 23.1, "client_reaction_ms", null);
    }

    @Test
    void theSameHistoryWithoutACompleteCaptureIsNotCrossChecked() {
        Fixture.load("server-crash", "pass-wire").map(WireAgreementTest::clientToldAt5Ms)
                .map(e -> e.ev().equals(Wire.CAPTURE) ? with(e, Wire.COMPLETE, false) : e).check()
                .is(PASS, "The client was told after 5.0 ms");
        Fixture.load("server-crash", "pass-wire").map(WireAgreementTest::clientToldAt5Ms)
                .without(e -> e.ev().equals(Wire.CAPTURE)).check()
                .is(PASS);
    }

    @Test
    void aDetectionStampedUpToTwoMillisecondsBeforeTheFinIsTheFinsToldByACoarserClock() {
        Fixture.load("server-crash", "pass-wire").map(e -> toldAt(e, 21.2)).check().is(PASS);
        Fixture.load("server-crash", "pass-wire").map(e -> toldAt(e, 21.0)).check()
                .is(ERROR, "the client was told at 21.0 ms (close 1006) but no FIN, RST or Close had reached its socket"
                        + " by then (the first FIN at 23.1 ms)");
    }

    @Test
    void aSessionThatMovedBetweenTransportsSpansSeveralConnectionsAndIsNotCrossChecked() {
        Fixture.load("server-crash", "pass-wire").map(WireAgreementTest::clientToldAt5Ms)
                .plus(new TimelineEntry("client-1", -100.0, "transport", Map.of("session", "c1", "name", "websocket")))
                .check()
                .is(PASS, "The client was told after 5.0 ms");
    }

    @Test
    void aDetectionOnATlsLegIsNotCalledUnexplainedSinceAnyRecordMayCarryTheClose() {
        Fixture.load("server-crash", "pass-wire").map(WireAgreementTest::clientToldAt5Ms)
                .map(e -> e.ev().equals("upgrade") && String.valueOf(e.fields().get("line")).startsWith("HTTP/1.1 101")
                        ? with(e, "line", "TLS") : e).check()
                .is(PASS, "The client was told after 5.0 ms");
    }

    @Test
    void aDetectionAfterTheCaptureLostTheTrackOfTheFramesToTheSocketIsNotJudged() {
        Fixture.load("server-crash", "pass-wire").map(WireAgreementTest::clientToldAt5Ms)
                .map(e -> e.source().equals("wire") && e.ev().equals("data") && e.ms() == 2.6
                        ? new TimelineEntry("wire", 2.6, "lost-track", Map.of("from", 45333, "to", 55978,
                                "why", "a gap of 1448 bytes: the capture missed a packet")) : e).check()
                .is(PASS);
    }

    @Test
    void aDetectionByTheSidesOwnTimerAfterASilenceAgrees() {
        Fixture.load("network-blackhole", "pass-wire").check().is(PASS);
    }

    @Test
    void aFinThatReachedTheSocketWhileTheFigureClaimsATellingTheEventsDoNotHoldIsAHarnessError() {
        History h = History.of(Fixture.load("server-crash", "pass-wire")
                .without(e -> e.source().equals("client-1") && e.ev().equals("close")).timeline());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("client_detect_ms", 26.9);
        metrics.put("client_wire_ms", 23.1);
        Outcome claimed = new Outcome(metrics, Map.of(), Judgement.pass("told"));

        assertEquals(Optional.of("a FIN reached the client's socket at 23.1 ms but its application recorded no end of"
                        + " session c1 within the 10000 ms window after it, yet its detection figure says it was told"),
                WireAgreement.disagreement(h, claimed, Fixture.TIMINGS));
    }

    @Test
    void aCompleteCaptureWithoutTheSidesHandshakeIsAHarnessError() {
        Fixture.load("client-crash", "pass-wire").without(e -> e.ev().equals("upgrade")).check()
                .is(ERROR, "the wire cross-check: the capture is complete but shows no handshake of the server's"
                        + " connection before its open of session s1.")
                .figures("server_detect_ms", 55.4);
    }

    private static TimelineEntry toldAt(TimelineEntry e, double ms) {
        return e.source().equals("client-1") && e.ev().equals("close") && e.ms() == 26.9
                ? new TimelineEntry(e.source(), ms, e.ev(), e.fields()) : e;
    }

    private static TimelineEntry clientToldAt5Ms(TimelineEntry e) {
        return e.source().equals("client-1") && e.ev().equals("close") && e.ms() == 26.9
                ? new TimelineEntry(e.source(), 5.0, e.ev(), e.fields()) : e;
    }

    private static TimelineEntry with(TimelineEntry e, String field, Object value) {
        Map<String, Object> fields = new LinkedHashMap<>(e.fields());
        fields.put(field, value);
        return new TimelineEntry(e.source(), e.ms(), e.ev(), fields);
    }
}
