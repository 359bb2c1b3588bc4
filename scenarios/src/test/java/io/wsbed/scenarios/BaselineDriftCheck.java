package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.fail;

import io.wsbed.harness.baseline.BaselineGate;
import io.wsbed.harness.result.Results;

/** Turns the baseline gate's outcome into a JUnit failure that names the drifted cells. */
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
}
