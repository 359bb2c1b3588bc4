package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PhaseTimesTest {
    @Test
    void failsafeTestcaseNamesAreMatchedByTheirMethod() {
        assertEquals("verdictsMatchTheBaseline", PhaseTimes.method("verdictsMatchTheBaseline(MatrixRun)"));
        assertEquals("[jetty x jdk, default] server-crash", PhaseTimes.method("[jetty x jdk, default] server-crash"));
    }
}
