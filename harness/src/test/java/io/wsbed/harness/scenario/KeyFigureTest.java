package io.wsbed.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario says what its key figure measures, naming the figure the matrix shows. */
class KeyFigureTest {

    static java.util.List<String> ids() {
        return Scenarios.ids();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void theKeyFigureIsNamedAndSaysWhatItMeasures(String id) {
        Scenario s = Scenarios.create(id);
        String measures = s.measures();
        assertTrue(measures.startsWith(s.keyMetric() + ": "), id + ": " + measures);
        assertTrue(measures.endsWith("."), id + ": one sentence: " + measures);
        assertTrue(!s.keyMetric().endsWith("_ms") || measures.contains(" from ") && measures.contains(" to "),
                id + ": a time says from what to what: " + measures);
    }
}
