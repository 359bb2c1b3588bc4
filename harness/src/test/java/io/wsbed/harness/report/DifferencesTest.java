package io.wsbed.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DifferencesTest {

    private static Differences.Row row(String label) {
        return Differences.of(HandMadeRun.disagreeing()).stream().filter(r -> r.label().startsWith(label)).findFirst()
                .orElseThrow();
    }

    @Test
    void listsWhatDiffersForEachPairOfARowAndLeavesOutPairsThatAgree() {
        Differences.Row proxy = row("proxy-down");
        assertEquals(Map.of("jetty", "proxy-down.jetty.jdk.heartbeat.toxiproxy", "tyrus",
                "proxy-down.tyrus.jdk.heartbeat.toxiproxy", "undertow", "proxy-down.undertow.jdk.heartbeat.toxiproxy"),
                proxy.cells());
        assertEquals(Map.of("jetty undertow", List.of("server was told", "client_detect_ms"),
                "tyrus undertow", List.of("server was told", "client_detect_ms")), proxy.pairs(),
                "jetty (3 ms) and tyrus (11 ms) agree: 8 ms apart");
        assertEquals(Map.of(), row("server-crash \u00b7").pairs());
    }

    @Test
    void twoFiguresFarApartDifferEvenWithoutAMedian() {
        assertEquals(Map.of("jetty undertow", List.of("verdict", "client_detect_ms")), row("server-stop").pairs());
    }

    @Test
    void aSkippedCellDiffersInItsVerdictOnly() {
        assertEquals(Map.of("jdk tyrus", List.of("verdict"), "okhttp tyrus", List.of("verdict")),
                row("server-crash-builtin-reconnect").pairs());
    }

    @Test
    void aRowWithOneStackComparesNothing() {
        assertEquals(0, Differences.of(HandMadeRun.disagreeing()).stream()
                .filter(r -> r.label().startsWith("send-after-close") && r.view().equals("server")).count());
    }
}
