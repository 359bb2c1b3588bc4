package io.wsbed.harness.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.report.ReportFixture;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    private static final String FLAKY = "server-crash.undertow.jdk.default.direct";

    @Test
    void aVerdictEditedByHandInACopyOfTheBaselineFailsAndNamesThatCell(@TempDir Path dir) throws Exception {
        Results run = ReportFixture.results();
        Path file = dir.resolve("baseline.json");
        BaselineFile.write(file, BaselineCheck.updated(null, run));
        String text = Files.readString(file);
        String cell = "\"server-crash.jetty.okhttp.default.direct\" : \"PASS\"";
        assertTrue(text.contains(cell), text);
        Files.writeString(file, text.replace(cell, "\"server-crash.jetty.okhttp.default.direct\" : \"DEGRADED\""));

        BaselineGate.Outcome outcome = BaselineGate.from(Map.of("wsbed.baseline", file.toString()), dir).apply(run);

        assertTrue(outcome.failed());
        assertTrue(outcome.message().contains("server-crash.jetty.okhttp.default.direct: DEGRADED -> PASS"),
                outcome.message());
        assertTrue(outcome.message().startsWith("Baseline drift: 1 cell changed verdict"), outcome.message());
    }

    @Test
    void cellsNewToTheBaselineAreListedNotFailedAndCellsNotRunAreIgnored() {
        Results run = ReportFixture.results();
        Baseline base = BaselineCheck.updated(null, run);
        java.util.SortedMap<String, Verdict> cells = new java.util.TreeMap<>(base.cells());
        cells.remove("send-after-close.jetty.okhttp.default.direct");
        cells.put("gone.jetty.jdk.default.direct", Verdict.PASS);
        Drift drift = BaselineCheck.compare(new Baseline("r", 1, Map.of(), cells), run);
        assertFalse(drift.drifted());
        assertEquals("send-after-close.jetty.okhttp.default.direct: new -> PASS", drift.added().get(0).toString());
        assertEquals(1, drift.notRun());
        assertTrue(drift.describe("b.json").contains("not in the baseline yet"), drift.describe("b.json"));
    }

    @Test
    void aCellListedAsFlakyMayFlipBetweenItsVerdictsButNotToAnother(@TempDir Path dir) {
        Results run = ReportFixture.results();
        String cell = "server-crash.jetty.okhttp.default.direct"; // PASS in this run
        Baseline base = BaselineCheck.updated(null, run).with(cell, Verdict.DEGRADED);
        java.util.SortedMap<String, java.util.Set<Verdict>> flaky = new java.util.TreeMap<>();
        flaky.put(cell, java.util.EnumSet.of(Verdict.PASS, Verdict.DEGRADED));
        Baseline listed = new Baseline(base.run(), base.seed(), base.stacks(), base.cells(), flaky);

        Drift drift = BaselineCheck.compare(listed, run);
        assertFalse(drift.drifted(), drift.describe("b.json"));
        assertTrue(drift.describe("b.json").contains("1 cell changed between verdicts b.json lists as flaky (not a"
                + " failure):\n  " + cell + ": DEGRADED -> PASS"), drift.describe("b.json"));

        Baseline toFail = new Baseline(base.run(), base.seed(), base.stacks(), base.with(cell, Verdict.FAIL).cells(), flaky);
        assertTrue(BaselineCheck.compare(toFail, run).drifted(), "FAIL -> PASS is not a flip the baseline lists");

        Path file = dir.resolve("baseline.json");
        BaselineFile.write(file, listed);
        Baseline back = BaselineFile.read(file).orElseThrow();
        assertEquals(flaky, back.flaky());
        assertEquals(flaky, BaselineCheck.updated(back, run).flaky(), "an update keeps the cells known to flip");
    }

    @Test
    void aFlakyCellSaysSoWhenItDrifts() {
        Results run = ReportFixture.results();
        Drift drift = BaselineCheck.compare(BaselineCheck.updated(null, run).with(FLAKY, Verdict.PASS), run);
        assertEquals(List.of(FLAKY + ": PASS -> DEGRADED (flaky in this run)"),
                drift.changed().stream().map(Object::toString).toList());
    }

    @Test
    void theUpdatePropertyRewritesTheFileOnPurpose(@TempDir Path dir) {
        Results run = ReportFixture.results();
        Path file = dir.resolve("reports/baseline.json");
        BaselineFile.write(file, BaselineCheck.updated(null, run).with(FLAKY, Verdict.PASS));
        BaselineGate.Outcome outcome = BaselineGate.from(Map.of("wsbed.baseline.update", "true"), dir).apply(run);
        assertFalse(outcome.failed());
        assertTrue(outcome.message().contains("changed 1"), outcome.message());
        assertEquals(Verdict.DEGRADED, BaselineFile.read(file).orElseThrow().cells().get(FLAKY));
        assertFalse(BaselineGate.from(Map.of(), dir).apply(run).failed(), "the rewritten baseline matches the run");
    }

    @Test
    void aNarrowRunUpdatesOnlyItsCellsAndAWholeRunReplacesTheBaseline() {
        Results whole = ReportFixture.results();
        Baseline old = BaselineCheck.updated(null, whole).with("gone.jetty.jdk.default.direct", Verdict.FAIL);
        assertFalse(BaselineCheck.updated(old, whole).cells().containsKey("gone.jetty.jdk.default.direct"));
        Map<String, Object> narrow = new LinkedHashMap<>(whole.run().selection());
        narrow.put("stacks", "jetty");
        RunInfo r = whole.run();
        Results partial = new Results(new RunInfo(r.id(), r.start(), r.end(), r.seed(), r.host(), r.infra(), r.timings(),
                narrow), whole.stacks(), whole.scenarios(), whole.cells());
        assertTrue(BaselineCheck.updated(old, partial).cells().containsKey("gone.jetty.jdk.default.direct"));
    }

    @Test
    void noBaselineYetIsNotAFailure(@TempDir Path dir) {
        BaselineGate.Outcome outcome = BaselineGate.from(Map.of(), dir).apply(ReportFixture.results());
        assertFalse(outcome.failed());
        assertTrue(outcome.message().startsWith("No baseline at "), outcome.message());
    }

    @Test
    void theFileListsCellsSortedWithAHeader() {
        String text = BaselineFile.format(BaselineCheck.updated(null, ReportFixture.results()));
        assertTrue(text.indexOf("client-crash.") < text.indexOf("network-blackhole.")
                && text.indexOf("network-blackhole.") < text.indexOf("send-after-close."), text);
        assertTrue(text.contains("\"schema\" : \"wsbed.baseline/1\""), text);
        assertEquals(BaselineFile.parse(text, "x"), BaselineFile.parse(text, "x"));
    }
}
