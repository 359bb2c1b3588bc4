package io.wsbed.harness.report;

import static io.wsbed.harness.report.HandMadeRun.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.report.Findings.Finding;
import io.wsbed.harness.report.Findings.Kind;
import io.wsbed.harness.verdict.Verdict;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FindingsTest {

    private static List<Finding> of(Kind kind, List<Finding> all) {
        return all.stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void writesTheDisagreeingRunAsItsGoldenFile() {
        String text = Findings.of(HandMadeRun.disagreeing()).stream()
                .map(f -> f.kind() + " " + String.join(" ", f.cells()) + "\n  " + f.text()).collect(Collectors.joining("\n")) + "\n";
        Golden.assertMatches("findings.txt", text);
    }

    @Test
    void aRowWhereEveryStackAgreesHasNoFinding() {
        assertTrue(Findings.of(HandMadeRun.disagreeing()).stream().noneMatch(f -> f.cell().startsWith("server-crash.")),
                "server-crash: same verdict, same close code, same times");
    }

    @Test
    void theVerdictMostCellsOfARowHaveIsTheRowsAndATieGoesToTheBetterOne() {
        List<Finding> verdicts = of(Kind.VERDICT, Findings.of(HandMadeRun.disagreeing()));
        assertEquals(List.of("network-blackhole.undertow.jdk.default.toxiproxy", "server-stop.undertow.jdk.default.direct"),
                verdicts.stream().map(Finding::cell).toList());
        assertEquals("network-blackhole (toxiproxy default), servers against client jdk: undertow is PASS,"
                + " where jetty and tyrus are FAIL.", verdicts.get(0).text());
        assertEquals("undertow", verdicts.get(1).stack(), "PASS against DEGRADED, one each: the worse one is the odd one");
    }

    @Test
    void aStackThatCouldNotTakePartIsNoVerdictFinding() {
        // server-crash-builtin-reconnect: tyrus PASS, every client without a built-in reconnect SKIPPED.
        assertTrue(Findings.of(HandMadeRun.disagreeing()).stream()
                .noneMatch(f -> f.kind() == Kind.VERDICT && f.cell().startsWith("server-crash-builtin-reconnect.")));
    }

    @Test
    void aSignalIsTheCloseCodeOrTheKindOfEndAndATieGoesToTheFirstColumn() {
        List<Finding> signals = of(Kind.SIGNAL, Findings.of(HandMadeRun.disagreeing()));
        assertEquals(List.of(
                "proxy-down (toxiproxy heartbeat), servers against client jdk: with undertow the server was"
                        + " told close 1001, with jetty and tyrus close 1006.",
                "network-blackhole (toxiproxy default), servers against client jdk: with undertow the client"
                        + " was told error, with jetty and tyrus nothing.",
                "send-after-close (direct default), clients against server jetty: with okhttp the client's"
                        + " send after local close answered false, with jdk failed.",
                "send-after-close (direct default), clients against server jetty: with tyrus the client's"
                        + " send after local close answered threw, with jdk failed."),
                signals.stream().map(Finding::text).toList(),
                "server-stop's close reasons differ but the code does not; client-crash's error classes are not compared");
    }

    @Test
    void aFigureIsFarWhenItIsMoreThanThreeTimesAndFiftyMsFromTheRowsMedian() {
        List<Finding> figures = of(Kind.FIGURE, Findings.of(HandMadeRun.disagreeing()));
        assertEquals(1, figures.size(), "client-crash's 40 ms is 20x its row's 2 ms but only 38 ms away; server-stop"
                + " has two figures, no median to be far from: " + figures);
        assertEquals("proxy-down (toxiproxy heartbeat), servers against client jdk: with undertow"
                + " client_detect_ms was 150 ms, where the row's median is 11.0 ms (3 stacks).", figures.get(0).text(),
                "tyrus was repeated: its p50 counts");
    }

    @Test
    void aFailedPredictionComesLast() {
        List<Finding> all = Findings.of(HandMadeRun.disagreeing());
        Finding last = all.get(all.size() - 1);
        assertEquals(Kind.PREDICTION, last.kind());
        assertEquals("stacks.md predicts tyrus.client.send-after-close = threw java.lang.IllegalStateException;"
                + " this run saw threw.", last.text());
        assertEquals("send-after-close.jetty.tyrus.default.direct", last.cell());
        assertEquals(1, of(Kind.PREDICTION, all).size(), "confirmed and unmeasured predictions are no findings");
    }

    @Test
    void rowsOfOneScenarioThatSayTheSameOfAStackAreOneFinding() {
        HandMadeRun r = new HandMadeRun();
        for (String profile : List.of("default", "heartbeat")) {
            for (String s : List.of("jetty", "tyrus", "undertow")) {
                r.cell("server-crash", s, "jdk", profile, "direct", Verdict.PASS, map(), map("client_told",
                        s.equals("undertow") ? "close 1001" : "close 1006"));
            }
        }
        List<Finding> all = of(Kind.SIGNAL, Findings.of(r.results()));
        assertEquals(1, all.size(), all.toString());
        assertEquals(List.of("server-crash.undertow.jdk.default.direct", "server-crash.undertow.jdk.heartbeat.direct"),
                all.get(0).cells());
        assertEquals("server-crash (direct default, direct heartbeat), servers against client jdk: with undertow the"
                + " client was told close 1001, with jetty and tyrus close 1006.", all.get(0).text());
    }

    @Test
    void aLongListOfOtherStacksIsCut() {
        HandMadeRun r = new HandMadeRun();
        for (String s : List.of("a", "b", "c", "d", "e", "f")) {
            r.cell("server-crash", s, "jdk", "default", "direct", Verdict.PASS, map(), map());
        }
        r.cell("server-crash", "g", "jdk", "default", "direct", Verdict.FAIL, map(), map());
        assertTrue(Findings.of(r.results()).get(0).text().endsWith("g is FAIL, where a, b, c, d and 2 more are PASS."));
    }

    @Test
    void statesEveryRuleWithItsNumbers() {
        assertEquals(List.of(Kind.values()), List.copyOf(Findings.rules().keySet()));
        assertTrue(Findings.rules().get(Kind.FIGURE).contains("more than 3x and more than 50 ms apart"));
    }
}
