package io.wsbed.harness.result;

import io.wsbed.harness.scenario.NetworkPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.verdict.Verdict;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepetitionsTest {

    @Test
    void theMajorityDecidesAndATieGoesToTheWorseVerdict() {
        assertEquals(Verdict.PASS, Repetitions.choose(List.of(Verdict.PASS, Verdict.DEGRADED, Verdict.PASS)));
        assertEquals(Verdict.DEGRADED, Repetitions.choose(List.of(Verdict.PASS, Verdict.DEGRADED)));
        assertEquals(Verdict.FAIL, Repetitions.choose(List.of(Verdict.FAIL, Verdict.DEGRADED, Verdict.PASS)));
    }

    @Test
    void anErrorIsNeverOutvoted() {
        assertEquals(Verdict.ERROR, Repetitions.choose(List.of(Verdict.PASS, Verdict.PASS, Verdict.ERROR)));
    }

    @Test
    void figuresBecomeNearestRankPercentilesWithTheirSamples() {
        CellResult r = Repetitions.combine(List.of(run(Verdict.PASS, 10.0), run(Verdict.PASS, 30.0),
                run(Verdict.PASS, null), run(Verdict.PASS, 20.0)), "client_detect_ms");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) r.metrics().get("client_detect_ms");
        assertEquals(20.0, m.get("p50"));
        assertEquals(30.0, m.get("p95"));
        assertEquals(30.0, m.get("max"));
        assertEquals(Arrays.asList(10.0, 30.0, null, 20.0), m.get("samples"));
        assertEquals("p50 20.0 ms", r.keyFigure());
        assertFalse(r.flaky());
        assertEquals(4, r.runs());
    }

    @Test
    void disagreeingRunsMarkTheCellFlakyAndKeepTheMedianRunsTimeline() {
        CellResult r = Repetitions.combine(List.of(run(Verdict.DEGRADED, 3000.0), run(Verdict.PASS, 12.0),
                run(Verdict.DEGRADED, 2800.0), run(Verdict.DEGRADED, 2900.0)), "client_detect_ms");
        assertEquals(Verdict.DEGRADED, r.verdict());
        assertTrue(r.flaky());
        assertEquals(List.of(Verdict.DEGRADED, Verdict.PASS, Verdict.DEGRADED, Verdict.DEGRADED), r.repetitions());
        assertTrue(r.reason().endsWith("Flaky: 1 PASS, 3 DEGRADED in 4 runs."), r.reason());
        assertEquals(2900.0, r.timeline().get(0).ms(), "the representative is the median DEGRADED run");
        assertEquals(4L * 1000, ((Number) r.timings().get("wall_ms")).longValue(), "durations add up");
    }

    @Test
    void oneRunIsReturnedAsItIs() {
        CellResult one = run(Verdict.FAIL, null);
        assertSame(one, Repetitions.combine(List.of(one), "client_detect_ms"));
    }

    @Test
    void theCountMustBeAPositiveWholeNumber() {
        assertEquals(1, Repetitions.parseCount("wsbed.repeat", null));
        assertEquals(5, Repetitions.parseCount("wsbed.repeat", " 5 "));
        HarnessException e = assertThrows(HarnessException.class, () -> Repetitions.parseCount("wsbed.repeat", "0"));
        assertTrue(e.getMessage().startsWith("Configuration error: wsbed.repeat"), e.getMessage());
    }

    private static CellResult run(Verdict v, Double detect) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("client_detect_ms", detect);
        metrics.put("outcome", "ok");
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("wall_ms", 1000L);
        return new CellResult("c", "server-crash", "jetty", "jdk", "default", NetworkPath.DIRECT, v, v + " because.",
                detect == null ? "not within window" : detect + " ms", metrics, Map.of(),
                List.of(new TimelineEntry("client-1", detect == null ? -1 : detect, "close", Map.of())), "logs/c", timings);
    }
}
