package io.wsbed.harness.report;

import static io.wsbed.harness.report.HandMadeRun.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.verdict.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** summary.md's wss vs ws section, from hand-made results: only measured pairs count. */
class WssComparisonTest {

    private static HandMadeRun crash(HandMadeRun run, String client, String path, Verdict v, Double detect, double handshake) {
        return run.cell("server-crash", "jetty", client, "default", path, v,
                map("client_detect_ms", detect, "handshake_ms", handshake, "reconnect_handshake_ms", handshake / 10), Map.of());
    }

    @Test
    void saysWhichVerdictsDifferTheLargestKeyFigureGapAndWhatTlsAddedToTheHandshake() {
        HandMadeRun run = new HandMadeRun();
        crash(run, "jdk", "nginx", Verdict.PASS, 8.4, 60.0);
        crash(run, "jdk", "wss", Verdict.PASS, 9.7, 150.0);
        crash(run, "okhttp", "nginx", Verdict.PASS, 5.0, 40.0);
        crash(run, "okhttp", "wss", Verdict.PASS, 12.5, 100.0);
        crash(run, "tyrus", "nginx", Verdict.PASS, 7.0, 80.0);
        crash(run, "tyrus", "wss", Verdict.FAIL, null, 110.0);
        crash(run, "undertow", "wss", Verdict.PASS, 3.0, 90.0); // no plain twin in this run
        crash(run, "jetty", "nginx", Verdict.PASS, 3.0, 50.0);
        crash(run, "jetty", "wss", Verdict.SKIPPED, null, 0.0); // not measured: no row

        String md = summary(run);

        assertTrue(md.contains("| server-crash | jetty x okhttp | default | PASS | PASS | 40.0 | 100 | 4.0 | 10.0 |"), md);
        assertTrue(md.contains("| server-crash | jetty x undertow | default | not measured | PASS | - | 90.0 | - | 9.0 |"), md);
        assertFalse(md.contains("jetty x jetty"), "a SKIPPED wss cell has no row:\n" + md);
        assertTrue(md.contains("Verdicts differ in 1 of 3 pairs: server-crash tyrus (PASS over ws, FAIL over wss)."), md);
        assertTrue(md.contains("Where they agree, no key figure differs by more than 7.5 ms (client_detect_ms,"
                + " server-crash okhttp)."), md);
        // wss - ws: 90, 60, 30 -> median 60 of 3; a tenth of that when warm.
        assertTrue(md.contains(" wss minus ws, handshake: median 60.0 ms over 3 pairs (30.0 to 90.0 ms)."
                + " wss minus ws, reconnect handshake: median 6.0 ms over 3 pairs (3.0 to 9.0 ms)."), md);
    }

    @Test
    void agreeingVerdictsAreSaidSo() {
        HandMadeRun run = new HandMadeRun();
        crash(run, "jdk", "nginx", Verdict.PASS, 8.0, 60.0);
        crash(run, "jdk", "wss", Verdict.PASS, 8.5, 70.0);

        assertTrue(summary(run).contains("Verdicts agree in the one pair."));
        assertTrue(summary(run).contains("reconnect handshake: median 1.0 ms over 1 pair (1.0 to 1.0 ms)."));
    }

    @Test
    void repeatedCellsCompareByTheirP50AndAnEvenCountTakesTheMeanOfTheMiddleTwo() {
        HandMadeRun run = new HandMadeRun();
        for (String client : java.util.List.of("jdk", "okhttp")) {
            run.cell("server-crash", "jetty", client, "default", "nginx", Verdict.PASS,
                    map("client_detect_ms", map("p50", 8.0, "p95", 9.0, "max", 9.0, "samples", 3),
                            "handshake_ms", map("p50", 60.0, "p95", 70.0, "max", 70.0, "samples", 3)), Map.of());
            run.cell("server-crash", "jetty", client, "default", "wss", Verdict.PASS,
                    map("client_detect_ms", map("p50", 9.0, "p95", 9.0, "max", 9.0, "samples", 3),
                            "handshake_ms", map("p50", client.equals("jdk") ? 70.0 : 100.0, "p95", 100.0, "max", 100.0,
                                    "samples", 3)), Map.of());
        }

        String md = summary(run);

        assertTrue(md.contains("| server-crash | jetty x jdk | default | PASS | PASS | 60.0 | 70.0 | - | - |"), md);
        assertTrue(md.contains("wss minus ws, handshake: median 25.0 ms over 2 pairs (10.0 to 40.0 ms)."), md);
    }

    @Test
    void wssCellsWithoutTwinsSaySoAndARunWithoutWssHasNoSection() {
        HandMadeRun onlyWss = new HandMadeRun();
        crash(onlyWss, "jdk", "wss", Verdict.PASS, 8.0, 70.0);
        assertTrue(summary(onlyWss).contains("No wss cell has a measured plain nginx twin in this run"));

        HandMadeRun plain = new HandMadeRun();
        crash(plain, "jdk", "nginx", Verdict.PASS, 8.0, 60.0);
        assertFalse(summary(plain).contains("## wss vs ws"));
        assertEquals(0, WssComparison.pairs(plain.results()).size());
    }

    private static String summary(HandMadeRun run) {
        return SummaryMarkdownWriter.write(run.results());
    }
}
