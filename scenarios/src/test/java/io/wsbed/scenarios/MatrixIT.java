package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.fail;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.run.MatrixRun;
import io.wsbed.harness.scenario.Cell;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The matrix: every selected cell runs once. PASS, DEGRADED and FAIL are findings about a stack
 * and pass here (they go to the report); SKIPPED aborts with its reason; ERROR means the harness
 * broke and fails the build.
 */
@ExtendWith(MatrixExtension.class)
class MatrixIT {

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
}
