package io.wsbed.harness.report;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made runs for the rules that compare stacks (findings, differences, cards): three server
 * stacks against the reference client jdk, three client stacks against the reference server jetty,
 * a few cells per row with exactly the figures and observations a rule looks at.
 */
final class HandMadeRun {
    private final List<CellResult> cells = new ArrayList<>();

    /** A cell with its metrics and observations given as alternating name, value. */
    HandMadeRun cell(String scenario, String server, String client, String profile, String path, Verdict verdict,
                     Map<String, Object> metrics, Map<String, Object> obs) {
        return cell(scenario, server, client, profile, path, verdict, metrics, obs, Map.of());
    }

    HandMadeRun cell(String scenario, String server, String client, String profile, String path, Verdict verdict,
                     Map<String, Object> metrics, Map<String, Object> obs, Map<String, Object> timings) {
        String id = String.join(".", scenario, server, client, profile, path);
        List<TimelineEntry> timeline = List.of(new TimelineEntry("harness", 0.0, "fault",
                map("kind", scenario.startsWith("server-crash") ? "kill-server" : scenario)));
        cells.add(new CellResult(id, scenario, server, client, profile, NetworkPath.byId(path, "test"), verdict,
                "hand-made " + verdict, "", metrics, obs, timeline, "logs/" + id, timings));
        return this;
    }

    Results results() {
        List<StackInfo> stacks = List.of(
                new StackInfo("jdk", "JDK", "17", List.of("client"), "portable ping timer", "sendText"),
                new StackInfo("jetty", "Jetty", "12", List.of("server", "client"), "portable ping timer", "sendText"),
                new StackInfo("okhttp", "OkHttp", "5", List.of("client"), "pingInterval", "send -> boolean"),
                new StackInfo("tyrus", "Tyrus", "2.2", List.of("server", "client"), "portable ping timer", "async",
                        true),
                new StackInfo("undertow", "Undertow", "2.4", List.of("server", "client"), "portable ping timer",
                        "callback"));
        Map<String, Object> selection = map("reference_server", "jetty", "reference_client", "jdk");
        return new Results(new RunInfo("1", "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", 7, Map.of(), "local",
                map("window_ms", 10000), selection), stacks, List.of(), cells);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * The run the findings golden file is written from: one row where all agree, and one row for
     * each way to disagree (see FindingsTest).
     */
    static Results disagreeing() {
        HandMadeRun r = new HandMadeRun();
        for (String s : List.of("jetty", "tyrus", "undertow")) {
            r.cell("server-crash", s, "jdk", "default", "direct", Verdict.PASS, map("client_detect_ms", 10.0,
                    "reconnect_ms", 200.0), map("client_told", "close 1006", "client_close_code", 1006));
        }
        r.cell("proxy-down", "jetty", "jdk", "heartbeat", "toxiproxy", Verdict.PASS, map("client_detect_ms", 3.0),
                map("server_told", "close 1006"));
        r.cell("proxy-down", "tyrus", "jdk", "heartbeat", "toxiproxy", Verdict.PASS, map("client_detect_ms",
                map("p50", 11.0, "p95", 14.0, "max", 15.0, "samples", List.of(11.0, 14.0, 15.0))),
                map("server_told", "close 1006"));
        r.cell("proxy-down", "undertow", "jdk", "heartbeat", "toxiproxy", Verdict.PASS, map("client_detect_ms", 150.0),
                map("server_told", "close 1001 \"UT002046: Closing WebSocket, peer went away.\""));
        r.cell("network-blackhole", "jetty", "jdk", "default", "toxiproxy", Verdict.FAIL, map("client_detect_ms", null),
                map("client_told", "nothing within 10000 ms"));
        r.cell("network-blackhole", "tyrus", "jdk", "default", "toxiproxy", Verdict.FAIL, map("client_detect_ms", null),
                map("client_told", "nothing within 10000 ms"));
        r.cell("network-blackhole", "undertow", "jdk", "default", "toxiproxy", Verdict.PASS, map("client_detect_ms",
                1500.0), map("client_told", "error HeartbeatTimeout"));
        r.cell("server-stop", "jetty", "jdk", "default", "direct", Verdict.PASS, map("client_detect_ms", 10.0),
                map("client_told", "close 1001 \"going away\""));
        r.cell("server-stop", "undertow", "jdk", "default", "direct", Verdict.DEGRADED, map("client_detect_ms", 900.0),
                map("client_told", "close 1001 \"\""));
        r.cell("client-crash", "jetty", "jdk", "default", "direct", Verdict.PASS, map("server_detect_ms", 1.0),
                map("server_told", "close 1006", "server_close_code", 1006, "server_error",
                        "java.nio.channels.ClosedChannelException"));
        r.cell("client-crash", "tyrus", "jdk", "default", "direct", Verdict.PASS, map("server_detect_ms", 2.0),
                map("server_told", "close 1006", "server_close_code", 1006));
        r.cell("client-crash", "undertow", "jdk", "default", "direct", Verdict.PASS, map("server_detect_ms", 40.0),
                map("server_told", "close 1006", "server_close_code", 1006));
        r.cell("send-after-close", "jetty", "jdk", "default", "direct", Verdict.PASS, map(),
                map("client_local_close_outcome", "failed", "client_local_close_error", "java.io.IOException"));
        r.cell("send-after-close", "jetty", "okhttp", "default", "direct", Verdict.PASS, map(),
                map("client_local_close_outcome", "false", "client_local_close_error", null));
        r.cell("send-after-close", "jetty", "tyrus", "default", "direct", Verdict.PASS, map(),
                map("client_local_close_outcome", "threw", "client_local_close_error", null));
        for (String c : List.of("jdk", "okhttp")) {
            r.cell("server-crash-builtin-reconnect", "jetty", c, "default", "direct", Verdict.SKIPPED, map(), map());
        }
        r.cell("server-crash-builtin-reconnect", "jetty", "tyrus", "default", "direct", Verdict.PASS,
                map("client_detect_ms", 12.0, "reconnect_ms", 5100.0), map("client_told", "close 1006"));
        return r.results();
    }
}
