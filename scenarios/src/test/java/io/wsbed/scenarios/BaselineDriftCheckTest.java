package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.wsbed.harness.baseline.BaselineGate;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Proves the suite's drift check fails a JUnit run and names the cell: a copy of a baseline with
 * one verdict edited by hand, and a probe test that runs the same check MatrixIT runs after the
 * matrix, executed in-process by the JUnit test kit.
 */
class BaselineDriftCheckTest {
    private static final String CELL = "server-crash.jetty.jdk.default.direct";

    /** What the probe checks; set by the test below only. */
    private static Results probeResults;
    private static BaselineGate probeGate;

    @Test
    void aVerdictEditedInTheBaselineFailsTheRunAndNamesTheCell(@TempDir Path dir) throws Exception {
        Results run = run();
        Path baseline = dir.resolve("baseline.json");
        BaselineGate.from(Map.of("wsbed.baseline", baseline.toString(), "wsbed.baseline.update", "true"), dir).apply(run);
        String text = Files.readString(baseline);
        Files.writeString(baseline, text.replace("\"" + CELL + "\" : \"PASS\"", "\"" + CELL + "\" : \"FAIL\""));

        probeResults = run;
        probeGate = BaselineGate.from(Map.of("wsbed.baseline", baseline.toString()), dir);
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Probe.class)).execute().testEvents();

        tests.assertStatistics(s -> s.started(1).failed(1).succeeded(0));
        String message = tests.failed().stream().findFirst().orElseThrow().getRequiredPayload(
                org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains(CELL + ": FAIL -> PASS"), message);
    }

    @Test
    void anUntouchedBaselinePasses(@TempDir Path dir) {
        Results run = run();
        Path baseline = dir.resolve("baseline.json");
        BaselineGate.from(Map.of("wsbed.baseline", baseline.toString(), "wsbed.baseline.update", "true"), dir).apply(run);
        probeResults = run;
        probeGate = BaselineGate.from(Map.of("wsbed.baseline", baseline.toString()), dir);
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Probe.class)).execute().testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));
    }

    private static Results run() {
        RunInfo info = new RunInfo("r1", "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", 1, Map.of(), "local", Map.of(),
                Map.of("reference_server", "jetty", "reference_client", "jdk"));
        return new Results(info, List.of(), List.of(), List.of(cell(CELL, Verdict.PASS),
                cell("client-crash.jetty.jdk.default.direct", Verdict.DEGRADED)));
    }

    private static CellResult cell(String id, Verdict v) {
        String[] p = id.split("\\.");
        return new CellResult(id, p[0], p[1], p[2], p[3], NetworkPath.byId(p[4], "test"), v, "because.", "", Map.of(), Map.of(), List.of(), "",
                Map.of());
    }

    /** The check as MatrixIT runs it; only meaningful when started by the test above. */
    static class Probe {
        @Test
        void verdictsMatchTheBaseline() {
            Assumptions.assumeTrue(probeGate != null, "run only through BaselineDriftCheckTest");
            BaselineDriftCheck.assertNoDrift(probeResults, probeGate);
        }
    }
}
