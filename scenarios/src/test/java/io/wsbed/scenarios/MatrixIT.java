package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.fail;

import io.wsbed.harness.baseline.BaselineGate;
import io.wsbed.harness.report.ReportFiles;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.run.MatrixRun;
import io.wsbed.harness.run.Settings;
import io.wsbed.harness.scenario.Cell;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The matrix: every selected cell runs once (or wsbed.repeat times). PASS, DEGRADED and FAIL are
 * findings about a stack and pass here (they go to the report); SKIPPED aborts with its reason;
 * ERROR means the harness broke and fails the build. After the cells, in this order: the report
 * is written and every verdict is compared with reports/baseline.json (a drifted cell runs once
 * more alone; drift that the rerun confirms fails the build and names the cells), every cell is checked again from the results.json just written ({@code wsbed
 * recheck}) and must come out exactly as it did live, then the report is opened in headless Chromium.
 */
@ExtendWith(MatrixExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MatrixIT {

    @Order(1)
    @TestTemplate
    void cell(Cell cell, MatrixRun run) {
        CellResult r = run.run(cell);
        switch (r.verdict()) {
            case ERROR -> fail(cell.displayName() + ": " + r.reason() + " (logs: " + run.reportDir().resolve(r.logs()) + ")");
            case SKIPPED -> Assumptions.abort(r.reason());
            default -> {
                // A finding, recorded in the report.
            }
        }
    }

    @Order(2)
    @Test
    void verdictsMatchTheBaseline(MatrixRun run) {
        Results results = run.finish();
        BaselineDriftCheck.assertNoDriftAfterReruns(results,
                BaselineGate.fromSystemProperties(Settings.fromSystemProperties().root()),
                java.nio.file.Path.of("target", "drift-reruns").toAbsolutePath());
    }

    @Order(3)
    @Test
    void recheckReproducesEveryCell(MatrixRun run) {
        Results results = run.finish();
        RecheckAgreement.assertReproduced(results, ReportFiles.readResults(run.reportDir().resolve("results.json")));
    }

    @Order(4)
    @Test
    void reportOpensInChromium(MatrixRun run) {
        run.finish();
        ReportInChromium.check(run.reportDir());
    }
}
