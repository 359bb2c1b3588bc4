package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.fail;

import io.wsbed.harness.baseline.BaselineGate;
import io.wsbed.harness.result.Results;

/**
 * Turns the baseline gate's outcome into a JUnit failure that names the drifted cells. With a
 * report folder for reruns, each drifted cell runs once more alone first ({@link DriftRerun}); only
 * the cells whose rerun drifts too fail the build.
 */
final class BaselineDriftCheck {
    private BaselineDriftCheck() {
    }

    static void assertNoDrift(Results results, BaselineGate gate) {
        BaselineGate.Outcome outcome = gate.apply(results);
        System.out.println(outcome.message());
        if (outcome.failed()) {
            fail(outcome.message());
        }
    }

    static void assertNoDriftAfterReruns(Results results, BaselineGate gate, java.nio.file.Path reruns) {
        BaselineGate.Outcome outcome = gate.apply(results);
        System.out.println(outcome.message());
        if (!outcome.failed()) {
            return;
        }
        java.util.List<DriftRerun.Rerun> again = DriftRerun.rerun(outcome.changed(), results, reruns);
        System.out.println("Drifted cells run again, alone (reports in " + reruns + "):");
        again.forEach(r -> System.out.println("  " + r));
        java.util.List<DriftRerun.Rerun> confirmed = again.stream().filter(DriftRerun.Rerun::confirmsDrift).toList();
        if (!confirmed.isEmpty()) {
            fail("Baseline drift confirmed by a rerun alone:\n" + String.join("\n",
                    confirmed.stream().map(r -> "  " + r).toList()) + "\n" + outcome.message());
        }
    }
}
