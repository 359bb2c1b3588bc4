package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.wsbed.harness.result.TimelineEntry;
import org.junit.jupiter.api.Test;

/**
 * latency-spike: a slow but healthy connection must survive, and every message sent ok must
 * arrive, unless it was still in flight when the observation ended ({@link Delivery}).
 */
class LatencySpikeCheckerTest {

    @Test
    void slowConnectionThatSurvivesWithEveryMessagePasses() {
        Fixture.load("latency-spike", "pass").check()
                .is(PASS, "The slow connection (2500 ms each way) survived and every message arrived.")
                .metrics("dropped", 0, "client_detect_ms", null, "server_detect_ms", null, "silent_loss", 0,
                        "latency_ms", 2500, "spike_ms", 3000)
                .observations("dropped", "no", "client_told", "nothing within 6000 ms", "server_told", "nothing within 6000 ms")
                .keyFigure("not within window");
    }

    @Test
    void aDroppedSlowConnectionIsDegradedAndItsLossReported() {
        Fixture.load("latency-spike", "degraded-dropped").check()
                .is(DEGRADED, "A healthy but slow connection (2500 ms each way) was dropped",
                        "client after 1502 ms (error java.util.concurrent.TimeoutException)",
                        "server after 1530 ms (close 1006 \"Session Closed\")", "; 2 messages sent ok never arrived.")
                .metrics("dropped", 1, "client_detect_ms", 1502.0, "server_detect_ms", 1530.0, "silent_loss", 2,
                        "latency_ms", 2500, "spike_ms", 3000)
                .observations("dropped", "yes", "client_close_code", 1006)
                .keyFigure("1502 ms");
    }

    @Test
    void aMessageSentOkLongBeforeTheEndAndNeverReceivedFails() {
        Fixture.load("latency-spike", "fail-lost").check()
                .is(FAIL, "The connection survived but 1 ", "never arrived")
                .metrics("dropped", 0, "client_detect_ms", null, "server_detect_ms", null, "silent_loss", 1,
                        "latency_ms", 2500, "spike_ms", 3000);
    }

    /** Issue 10: a receipt recorded during teardown, after the observed mark, still counts. */
    @Test
    void theLastMessageReceivedAfterTheObservedMarkIsNotLost() {
        Fixture.load("latency-spike", "race-received-after-observed").check()
                .is(PASS, "survived and every message arrived")
                .metrics("dropped", 0, "client_detect_ms", null, "server_detect_ms", null, "silent_loss", 0,
                        "latency_ms", 2500, "spike_ms", 3000);
    }

    @Test
    void withoutThatLateReceiptTheSameMessageWouldBeLost() {
        Fixture.load("latency-spike", "race-received-after-observed")
                .without(e -> e.ev().equals("recv") && ((Number) e.fields().get("seq")).longValue() == 124).check()
                .is(FAIL, "1 ", "never arrived")
                .metrics("dropped", 0, "client_detect_ms", null, "server_detect_ms", null, "silent_loss", 1,
                        "latency_ms", 2500, "spike_ms", 3000);
    }

    @Test
    void aMessageSentWithinTheLast500MsAndNeverReceivedIsInFlightNotLost() {
        Fixture.load("latency-spike", "pass-in-flight").check()
                .is(PASS, "every message arrived")
                .metrics("dropped", 0, "client_detect_ms", null, "server_detect_ms", null, "silent_loss", 0,
                        "latency_ms", 2500, "spike_ms", 3000);
    }

    @Test
    void theSameMessageSentExactly500MsBeforeTheEndIsLost() {
        Fixture.load("latency-spike", "pass-in-flight").map(e -> e.ev().equals("sent") && e.ms() == 5563.9
                        ? new TimelineEntry(e.source(), 5563.8, e.ev(), e.fields()) : e).check()
                .is(FAIL, "1 ", "never arrived")
                .metrics("dropped", 0, "client_detect_ms", null, "server_detect_ms", null, "silent_loss", 1,
                        "latency_ms", 2500, "spike_ms", 3000);
    }

    @Test
    void aDropWithoutLossSaysNothingAboutLoss() {
        Fixture.Judged judged = Fixture.load("latency-spike", "degraded-dropped").without(e -> e.ev().equals("sent")).check()
                .is(DEGRADED, "server after 1530 ms (close 1006 \"Session Closed\").")
                .metrics("dropped", 1, "client_detect_ms", 1502.0, "server_detect_ms", 1530.0, "silent_loss", 0,
                        "latency_ms", 2500, "spike_ms", 3000);
        assertFalse(judged.reason().contains("never arrived"), judged.reason());
    }
}
