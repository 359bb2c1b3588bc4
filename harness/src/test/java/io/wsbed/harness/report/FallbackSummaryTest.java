package io.wsbed.harness.report;

import static io.wsbed.harness.report.HandMadeRun.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.result.Results;
import io.wsbed.harness.verdict.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary's fallback section, from a synthetic run: only what the cells stored, "not measured" otherwise. */
class FallbackSummaryTest {

    private static Results run() {
        return new HandMadeRun()
                .cell("server-crash", "jetty", "jdk", "default", "direct", Verdict.PASS,
                        map("client_detect_ms", 8.0, "stream_gap_ms", 909.4, "missed_pushes", 17), Map.of())
                // the same scenario through nginx: the direct cell is the one shown
                .cell("server-crash", "jetty", "jdk", "default", "nginx", Verdict.PASS,
                        map("stream_gap_ms", 1026.1, "missed_pushes", 20), Map.of())
                .cell("server-crash-poll-fallback", "jetty", "jdk", "default", "direct", Verdict.PASS,
                        map("delivered_via_poll", 0L, "delivered_during_fault", 0L, "stream_gap_ms", 1203.4, "missed_pushes", 23L,
                                "undelivered_pushes", 0L, "poll_requests_per_s", 10.6), Map.of())
                .cell("network-blackhole-poll-fallback", "jetty", "jdk", "heartbeat", "toxiproxy", Verdict.PASS,
                        map("delivered_via_poll", 33L, "delivered_during_fault", 0L, "stream_gap_ms", 1689.8, "missed_pushes", 33L,
                                "undelivered_pushes", 0L, "poll_requests_per_s", 11.4), Map.of())
                .cell("network-blackhole", "jetty", "okhttp", "heartbeat", "toxiproxy", Verdict.PASS,
                        map("stream_gap_ms", 956.2, "missed_pushes", 18L, "undelivered_pushes", 19L), Map.of())
                // a server-view cell (another server, the reference client): not a row of the client view
                .cell("server-crash", "undertow", "jdk", "default", "direct", Verdict.FAIL,
                        map("stream_gap_ms", 99999.0), Map.of())
                .cell("websocket-blocked-poll-fallback", "jetty", "okhttp", "default", "nginx", Verdict.DEGRADED,
                        map("delivered", 40L, "poll_requests_per_s", 9.8), map("data_flowed", true, "transport", "poll"))
                .cell("server-crash-poll-fallback", "jetty", "tyrus", "default", "direct", Verdict.SKIPPED, Map.of(), Map.of())
                .results();
    }

    @Test
    void oneRowPerClientAndProfileWithTheFiguresEachCellStored() {
        StringBuilder md = new StringBuilder();
        FallbackSummary.write(md, run());
        String s = md.toString();
        assertTrue(s.startsWith("## Does a fallback keep my data flowing when WebSocket is blocked or down, and at what cost?"), s);
        assertTrue(s.contains("Not measured in this run: websocket-blocked.\n"), s);
        assertTrue(s.contains("| client | profile | answer | websocket-blocked-poll-fallback | server-crash |"
                + " server-crash-poll-fallback | network-blackhole | network-blackhole-poll-fallback |"), s);
        assertTrue(s.contains("| jdk | default | no: 0 pushes via poll (up to 10.6 req/s while down) | not measured"
                + " | [PASS](index.html#cell=server-crash.jetty.jdk.default.direct) gap 909.4 ms · missed 17"
                + " | [PASS](index.html#cell=server-crash-poll-fallback.jetty.jdk.default.direct) via poll 0 · during fault 0 · gap 1203.4 ms"
                + " · missed 23 · undelivered 0 · 10.6 req/s | not measured | not measured |"), s);
        assertTrue(s.contains("| jdk | heartbeat | no, but caught up: 33 pushes via poll after the fault (up to 11.4 req/s while down) |"), s);
        assertTrue(s.contains("| okhttp | default | yes: 40 pushes via poll while the fault lasted"), s);
        assertTrue(s.contains("data flowed true · poll · delivered 40 · 9.8 req/s"), s);
        assertTrue(s.contains("| okhttp | heartbeat | not measured | not measured | not measured | not measured"
                + " | [PASS](index.html#cell=network-blackhole.jetty.okhttp.heartbeat.toxiproxy) gap 956.2 ms · missed 18"
                + " · undelivered 19 | not measured |"), s);
        assertTrue(s.contains("| tyrus | default | not measured | not measured | not measured"
                + " | [SKIPPED](index.html#cell=server-crash-poll-fallback.jetty.tyrus.default.direct) hand-made SKIPPED |"), s);
        assertFalse(s.contains("99999"), "a server-view cell is no row of the client view: " + s);
        assertFalse(s.contains("1026.1"), "the direct cell is shown before the nginx one: " + s);
        assertEquals(5, s.lines().filter(l -> l.startsWith("| jdk") || l.startsWith("| okhttp") || l.startsWith("| tyrus"))
                .count(), s);
    }

    @Test
    void theAnswerSaysWhatAStackDoesOfItsOwnWhenAProxyBlocksTheUpgrade() {
        Results r = new HandMadeRun()
                .cell("websocket-blocked", "jetty", "okhttp", "default", "nginx", Verdict.PASS,
                        map("data_flowed", 1, "delivered", 80L, "latency_p50_ms", 4.2, "ws_latency_p50_ms", 1.1),
                        map("transport", "polling"))
                .cell("websocket-blocked", "jetty", "jdk", "default", "nginx", Verdict.PASS,
                        map("data_flowed", 0, "delivered", 0L, "gave_up_ms", 44.0), map("transport", "none"))
                .cell("websocket-blocked-poll-fallback", "jetty", "jdk", "default", "nginx", Verdict.PASS,
                        map("data_flowed", 1, "delivered", 107L, "delivered_via_poll", 107L, "delivered_during_fault", 107L,
                                "poll_requests_per_s", 10.0), map("transport", "poll"))
                .results();
        StringBuilder md = new StringBuilder();
        FallbackSummary.write(md, r);
        String s = md.toString();
        assertTrue(s.contains("| okhttp | default | blocked WebSocket: its own polling kept data flowing (80 pushes,"
                + " echo p50 4.2 ms against 1.1 ms over WebSocket) |"), s);
        assertTrue(s.contains("| jdk | default | blocked WebSocket: no fallback of its own (told after 44 ms);"
                + " with the polling fallback: yes: 107 pushes via poll while the fault lasted (up to 10 req/s while down) |"), s);
    }

    @Test
    void aRunWithoutAFallbackOrBlockedCellHasNoSection() {
        Results plain = new HandMadeRun().cell("server-crash", "jetty", "jdk", "default", "direct", Verdict.PASS,
                map("stream_gap_ms", 909.4), Map.of()).results();
        StringBuilder md = new StringBuilder();
        FallbackSummary.write(md, plain);
        assertEquals("", md.toString());
        assertFalse(SummaryMarkdownWriter.write(plain).contains("fallback"));
        assertTrue(SummaryMarkdownWriter.write(run()).contains("## Does a fallback keep my data flowing"));
    }
}
