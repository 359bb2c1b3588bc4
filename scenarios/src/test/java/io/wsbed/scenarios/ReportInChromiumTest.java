package io.wsbed.scenarios;

import io.wsbed.harness.report.ReportFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The report's browser check without running the matrix: a synthetic run as large as a full one
 * (three server stacks, five client stacks, every scenario) is written as a report folder under
 * target/ and opened in headless Chromium. A report written before can be checked the same way,
 * for example one written by {@code wsbed recheck} from a stored results.json:
 * {@code mvn -pl scenarios -am test -Dtest=ReportInChromiumTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dwsbed.report.check=DIR}; its screenshots land in DIR.
 */
class ReportInChromiumTest {

    @Test
    void aSyntheticRunReadsInChromium() {
        Path dir = Path.of("target", "synthetic-report");
        ReportFiles.fresh(dir).write(SyntheticResults.small());
        ReportInChromium.check(dir);
    }

    @Test
    void aReportWrittenBeforeReadsInChromium() {
        String dir = System.getProperty("wsbed.report.check");
        Assumptions.assumeTrue(dir != null, "set -Dwsbed.report.check=DIR to check a report folder written before");
        ReportInChromium.check(Path.of(dir));
    }
}
