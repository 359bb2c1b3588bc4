package io.wsbed.harness.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.report.ReportFixture;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.verdict.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ResultsMergeAndDiffTest {

    @Test
    void mergesRunsOfOneStackEachIntoOneReport() {
        Results all = ReportFixture.results();
        Results jetty = only(all, c -> c.server().equals("jetty"), "run-a");
        Results undertow = only(all, c -> c.server().equals("undertow"), "run-b");
        ResultsMerge.Merged merged = ResultsMerge.merge(List.of(jetty, undertow), List.of("a.json", "b.json"));
        assertEquals(all.cells().size(), merged.results().cells().size());
        assertEquals(List.of(), merged.notes());
        assertEquals("merged-run-a+run-b", merged.results().run().id());
        assertTrue(merged.results().run().selection().get("merged_from") instanceof List<?> l && l.size() == 2);
    }

    @Test
    void aCellInTwoInputsIsTakenFromTheLastAndNoted() {
        Results all = ReportFixture.results();
        ResultsMerge.Merged merged = ResultsMerge.merge(List.of(all, all), List.of("a.json", "b.json"));
        assertEquals(all.cells().size(), merged.results().cells().size());
        assertEquals(all.cells().size(), merged.notes().size());
    }

    @Test
    void refusesRunsWithOtherTimingsInOneLine() {
        Results all = ReportFixture.results();
        Map<String, Object> timings = new LinkedHashMap<>(all.run().timings());
        timings.put("window_ms", 5000);
        RunInfo r = all.run();
        Results other = new Results(new RunInfo(r.id(), r.start(), r.end(), r.seed(), r.host(), r.infra(), timings,
                r.selection()), all.stacks(), all.scenarios(), all.cells());
        HarnessException e = assertThrows(HarnessException.class,
                () -> ResultsMerge.merge(List.of(all, other), List.of("a.json", "b.json")));
        assertTrue(e.getMessage().startsWith("Configuration error: cannot merge: b.json has other scaled timings"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void listsChangedVerdictsAndFiguresThatMovedByMoreThanHalf() {
        Results old = ReportFixture.results();
        Results now = change(old, c -> c.id().equals("server-crash.jetty.jdk.default.direct"),
                c -> with(c, Verdict.DEGRADED, 25.0));
        ResultsDiff.Report report = ResultsDiff.diff(old, now, 0.5, 5);
        assertEquals(List.of("server-crash.jetty.jdk.default.direct: PASS -> DEGRADED"), report.verdicts());
        assertEquals(List.of("server-crash.jetty.jdk.default.direct client_detect_ms: 9.9 ms -> 25.0 ms (+153%)"),
                report.up());
        assertTrue(report.text().startsWith("Changed verdicts (1):"), report.text());
    }

    @Test
    void smallOrAbsoluteTinyShiftsAreNotNews() {
        assertEquals(null, ResultsDiff.shift(10.0, 14.0, 0.5, 5));
        assertEquals(null, ResultsDiff.shift(0.2, 0.9, 0.5, 5));
        assertEquals("100 ms -> 40.0 ms (-60%)", ResultsDiff.shift(100.0, 40.0, 0.5, 5));
        assertEquals("9.9 ms -> not within window", ResultsDiff.shift(9.9, null, 0.5, 5));
        assertEquals(3100.0, ResultsDiff.figure(Map.of("p50", 2900.0, "p95", 3100.0)));
    }

    @Test
    void identicalRunsHaveNoDifferences() {
        ResultsDiff.Report report = ResultsDiff.diff(ReportFixture.results(), ReportFixture.results(), 0.5, 5);
        assertFalse(report.hasChanges());
        assertEquals("No changed verdict and no figure shifted.", report.text());
    }

    private static Results only(Results r, Predicate<CellResult> keep, String id) {
        RunInfo run = r.run();
        return new Results(new RunInfo(id, run.start(), run.end(), run.seed(), run.host(), run.infra(), run.timings(),
                run.selection()), r.stacks(), r.scenarios(), r.cells().stream().filter(keep).toList());
    }

    private static Results change(Results r, Predicate<CellResult> which, UnaryOperator<CellResult> how) {
        return new Results(r.run(), r.stacks(), r.scenarios(),
                r.cells().stream().map(c -> which.test(c) ? how.apply(c) : c).toList());
    }

    private static CellResult with(CellResult c, Verdict v, double detect) {
        Map<String, Object> metrics = new LinkedHashMap<>(c.metrics());
        metrics.put("client_detect_ms", detect);
        return new CellResult(c.id(), c.scenario(), c.server(), c.client(), c.profile(), c.path(), v, "changed.",
                c.keyFigure(), metrics, c.observations(), c.timeline(), c.logs(), c.timings());
    }
}
