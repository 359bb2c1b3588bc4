package io.wsbed.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.verdict.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecheckTest {

    @Test
    void judgesACellAgainFromItsStoredTimeline() {
        Results again = Recheck.recheck(RecheckFixture.stored(Verdict.FAIL, "client-crash"), "r.json");
        CellResult c = again.cells().get(0);
        assertEquals(Verdict.PASS, c.verdict(), c.reason());
        assertTrue(c.reason().startsWith("The server was told after 12.5 ms"), c.reason());
        assertEquals("12.5 ms", c.keyFigure());
        assertEquals(12.5, c.metrics().get("server_detect_ms"));
        assertEquals("close 1006", c.observations().get("server_told"));
        assertEquals(RecheckFixture.crashTimeline(), c.timeline(), "the history itself is kept");
    }

    @Test
    void keepsCellsWhoseScheduleNeverEnded() {
        Results stored = RecheckFixture.stored(Verdict.FAIL, "client-crash");
        assertSame(stored.cells().get(1), Recheck.recheck(stored, "r.json").cells().get(1));
    }

    @Test
    void aHistoryTheCheckerCannotReadIsAnErrorCellNotACrash() {
        Results stored = RecheckFixture.stored(Verdict.PASS, "server-crash");
        CellResult c = Recheck.recheck(stored, "r.json").cells().get(0);
        assertEquals(Verdict.ERROR, c.verdict());
        assertEquals("The harness failed: the timeline has no harness 'restart' mark", c.reason());
    }

    @Test
    void anUnknownScenarioIsOneLineNamingTheFileAndTheCell() {
        Results stored = RecheckFixture.stored(Verdict.PASS, "gone-scenario");
        HarnessException e = assertThrows(HarnessException.class, () -> Recheck.recheck(stored, "old/results.json"));
        assertTrue(e.getMessage().contains("old/results.json cell 'gone-scenario.jetty.jdk.default.direct' has scenario "
                + "'gone-scenario', which this wsbed does not know; known: server-crash,"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void missingTimingsInTheRunHeaderAreOneLine() {
        Results stored = RecheckFixture.stored(Verdict.PASS, "client-crash");
        Map<String, Object> timings = new LinkedHashMap<>(stored.run().timings());
        timings.remove("detect_bound_ms");
        var run = stored.run();
        Results broken = new Results(new io.wsbed.harness.result.RunInfo(run.id(), run.start(), run.end(), run.seed(),
                run.host(), run.infra(), timings, run.selection()), List.of(), List.of(), stored.cells());
        HarnessException e = assertThrows(HarnessException.class, () -> Recheck.recheck(broken, "x.json"));
        assertEquals("Configuration error: x.json has no number run.timings.detect_bound_ms", e.getMessage());
    }
}
