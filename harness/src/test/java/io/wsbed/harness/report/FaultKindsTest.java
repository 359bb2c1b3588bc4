package io.wsbed.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FaultKindsTest {

    @Test
    void groupsEachScenarioByTheKindOfItsFirstFaultMark() {
        var kinds = FaultKinds.of(HandMadeRun.disagreeing());
        assertEquals("kill-server", kinds.get("server-crash"));
        assertEquals("kill-server", kinds.get("server-crash-builtin-reconnect"), "a cell without a timeline takes none");
        assertEquals("proxy-down", kinds.get("proxy-down"));
    }

    @Test
    void aScenarioWithoutAFaultMarkIsItsOwnKind() {
        var kinds = FaultKinds.of(ReportFixture.results());
        assertEquals("network-blackhole", kinds.get("network-blackhole"), "its only cell was skipped");
        assertEquals("client-close", kinds.get("send-after-close"));
    }
}
