package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * reconnect-storm: every connection back after the restarted server was ready, with nearest-rank
 * percentiles of the reconnect times and the backoff's attempts in 100 ms buckets (the reconnect
 * event's time after the kill, in whole ms, plus its delay).
 */
class ReconnectStormCheckerTest {

    @Test
    void allConnectionsBackPassesWithPercentilesAndTheAttemptHistogram() {
        var judged = Fixture.load("reconnect-storm", "pass").check()
                .is(PASS, "All 4 clients were back 701 ms after the server was ready (p50 130 ms, p95 701 ms).")
                .metrics("storm_clients", 4, "reconnected", 4, "all_back_ms", 700.9, "reconnect_p50_ms", 130.4,
                        "reconnect_p95_ms", 700.9, "reconnect_max_ms", 700.9, "connect_errors", 2, "reconnect_attempts", 6)
                .observations("server_back_after_kill_ms", 1100.0)
                .keyFigure("701 ms");
        assertHistogram(judged, Map.of("0", 2L, "1100", 1L, "1200", 1L, "1400", 1L, "1700", 1L));
    }

    @Test
    void aConnectionNotBackWithinTheWindowFails() {
        var judged = Fixture.load("reconnect-storm", "fail-missing").check()
                .is(FAIL, "Only 3 of 4 clients were back within the 10000 ms window.")
                .metrics("storm_clients", 4, "reconnected", 3, "all_back_ms", null, "reconnect_p50_ms", 130.4,
                        "reconnect_p95_ms", 320.2, "reconnect_max_ms", 320.2, "connect_errors", 4, "reconnect_attempts", 7)
                .keyFigure("not within window");
        assertHistogram(judged, Map.of("0", 2L, "1100", 1L, "1200", 1L, "1400", 1L, "1700", 1L, "4700", 1L));
    }

    @Test
    void noConnectionBackFailsWithoutPercentiles() {
        Fixture.load("reconnect-storm", "fail-missing").without(e -> e.ev().equals("open") && e.ms() > 0).check()
                .is(FAIL, "Only 0 of 4 clients were back within the 10000 ms window.")
                .metrics("storm_clients", 4, "reconnected", 0, "all_back_ms", null, "reconnect_p50_ms", null,
                        "reconnect_p95_ms", null, "reconnect_max_ms", null, "connect_errors", 4, "reconnect_attempts", 7);
    }

    @Test
    void oneConnectionOpeningTwiceIsNotTwoConnectionsBack() {
        Fixture.load("reconnect-storm", "one-connection-opens-twice").check()
                .is(FAIL, "Only 1 of 2 clients were back");
    }

    /** The buckets, in ascending order, with their counts. */
    private static void assertHistogram(Fixture.Judged judged, Map<String, Long> expected) {
        Object histogram = judged.observations().get("attempts_per_100ms_after_kill");
        assertEquals(expected, histogram, judged.fixture());
        assertEquals(expected.keySet().stream().sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).toList(),
                List.copyOf(((Map<?, ?>) histogram).keySet()), "buckets in time order");
    }
}
