package io.wsbed.harness.report;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Repetitions;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.result.ScenarioInfo;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed run for the writers' golden files: both views, every verdict, a repeated and flaky cell,
 * a figure not seen within the window, a cell without a timeline, and text that needs escaping in
 * every format. Everything is fixed (no clock, no randomness), so the files never change by accident.
 */
public final class ReportFixture {
    private ReportFixture() {
    }

    public static Results results() {
        List<CellResult> cells = new ArrayList<>();
        cells.add(crash("jetty", "jdk", "direct", Verdict.PASS, "The client was told after 9.9 ms and reconnected 242 ms"
                + " after the server was back, with nothing lost silently.", 9.9, 242.0));
        cells.add(Repetitions.combine(List.of(
                crash("undertow", "jdk", "direct", Verdict.DEGRADED, "The client was told only after 3100 ms, later than"
                        + " the 2500 ms bound.", 3100.0, 510.0),
                crash("undertow", "jdk", "direct", Verdict.PASS, "The client was told after 40.2 ms and reconnected 498 ms"
                        + " after the server was back, with nothing lost silently.", 40.2, 498.0),
                crash("undertow", "jdk", "direct", Verdict.DEGRADED, "The client was told only after 2900 ms, later than"
                        + " the 2500 ms bound.", 2900.0, 505.0)), "client_detect_ms"));
        cells.add(crash("jetty", "jdk", "nginx", Verdict.FAIL, "The client was never told within the 10000 ms window"
                + " <behind nginx> & \"quiet\" | nothing.", null, null));
        cells.add(new CellResult("client-crash.undertow.jdk.heartbeat.direct", "client-crash", "undertow", "jdk",
                "heartbeat", NetworkPath.DIRECT, Verdict.ERROR, "The harness failed: server-1 did not become ready within 15000 ms"
                + " (exit code 3).", "", Map.of(), Map.of(), List.of(
                new TimelineEntry("harness", 0.0, "note", fields("text", "server-1 exited with 3")))
                , "logs/client-crash.undertow.jdk.heartbeat.direct", fields("wall_ms", 15200, "overhead_ms", 15100)));
        cells.add(new CellResult("network-blackhole.jetty.jdk.default.toxiproxy", "network-blackhole", "jetty", "jdk",
                "default", NetworkPath.TOXIPROXY, Verdict.SKIPPED, "No Toxiproxy: set wsbed.toxiproxy.url or use the embedded"
                + " server.", "", Map.of(), Map.of(), List.of(), "logs/network-blackhole.jetty.jdk.default.toxiproxy",
                fields("wall_ms", 0, "overhead_ms", 0)));
        cells.add(crash("jetty", "okhttp", "direct", Verdict.PASS, "The client was told after 1.2 ms and reconnected"
                + " 120 ms after the server was back, with nothing lost silently.", 1.2, 120.0));
        cells.add(sendAfterClose());
        List<StackInfo> stacks = List.of(
                new StackInfo("jdk", "JDK java.net.http.WebSocket", "java 17.0.15", List.of("client"),
                        "portable ping timer", "sendText -> CompletableFuture"),
                new StackInfo("jetty", "Jetty 12", "12.1.12", List.of("server", "client"), "portable ping timer",
                        "Session.sendText(text, Callback)"),
                new StackInfo("okhttp", "OkHttp", "4.12.0", List.of("client"), "builtin pingInterval",
                        "WebSocket.send -> boolean"),
                new StackInfo("undertow", "Undertow", "2.3.18.Final", List.of("server"), "portable ping timer",
                        "WebSockets.sendText(callback)"));
        List<ScenarioInfo> scenarios = List.of(
                new ScenarioInfo("server-crash", List.of(NetworkPath.DIRECT, NetworkPath.NGINX), "The server is killed with SIGKILL and restarted.",
                        List.of("client_detect_ms", "reconnect_ms")),
                new ScenarioInfo("client-crash", List.of(NetworkPath.DIRECT), "The client is killed with SIGKILL.", List.of("server_detect_ms")),
                new ScenarioInfo("network-blackhole", List.of(NetworkPath.TOXIPROXY), "Data is dropped both ways.", List.of("client_detect_ms")),
                new ScenarioInfo("send-after-close", List.of(NetworkPath.DIRECT), "Both roles send after the session is gone.",
                        List.of("told_sends")));
        return new Results(run(), stacks, scenarios, cells);
    }

    private static RunInfo run() {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("cores", 2);
        host.put("os", "Linux 6.1 amd64");
        host.put("java", "OpenJDK 64-Bit Server VM 17.0.15");
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("tick_ms", 50);
        timings.put("heartbeat_ms", 500);
        timings.put("window_ms", 10000);
        timings.put("detect_bound_ms", 2500);
        timings.put("nginx_proxy_read_timeout_ms", 2000);
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("stacks", "all");
        selection.put("clients", "all");
        selection.put("scenarios", "all");
        selection.put("profiles", "all");
        selection.put("reference_server", "jetty");
        selection.put("reference_client", "jdk");
        return new RunInfo("20260101120000", "2026-01-01T12:00:00Z", "2026-01-01T12:03:20Z", 4242, host, "local",
                timings, selection);
    }

    private static CellResult crash(String server, String client, String path, Verdict v, String reason, Double detect,
                                    Double reconnect) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("client_detect_ms", detect);
        metrics.put("reconnect_ms", reconnect);
        metrics.put("reconnect_attempts", detect == null ? 0 : 3);
        metrics.put("silent_loss", 0);
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("client_close_code", detect == null ? null : 1006);
        obs.put("client_error", detect == null ? null : "java.io.IOException");
        String id = "server-crash." + server + "." + client + ".default." + path;
        String key = detect == null ? "not within window" : String.format(java.util.Locale.ROOT, "%.1f ms", detect);
        return new CellResult(id, "server-crash", server, client, "default", NetworkPath.byId(path, "fixture"), v, reason, key, metrics, obs,
                crashTimeline(detect, path), "logs/" + id, fields("wall_ms", 2900, "overhead_ms", 950));
    }

    private static List<TimelineEntry> crashTimeline(Double detect, String path) {
        List<TimelineEntry> t = new ArrayList<>();
        t.add(new TimelineEntry("server-1", -900.0, "ready", fields("port", 40001, "stack", "jetty")));
        t.add(new TimelineEntry("client-1", -450.5, "ready", fields("stack", "jdk")));
        t.add(new TimelineEntry("server-1", -210.0, "open", fields("session", "s1")));
        t.add(new TimelineEntry("client-1", -150.0, "open", fields("session", "c1")));
        t.add(new TimelineEntry("server-1", -60.0, "sent", fields("session", "s1", "seq", 1, "outcome", "ok")));
        t.add(new TimelineEntry("client-1", -59.5, "recv", fields("session", "c1", "seq", 1)));
        t.add(new TimelineEntry("harness", 0.0, "fault", fields("kind", "kill-server", "target", "server-1")));
        if (detect != null) {
            t.add(new TimelineEntry("client-1", detect, "close", fields("session", "c1", "code", 1006, "reason", "",
                    "local", false)));
            t.add(new TimelineEntry("client-1", detect + 60, "error", fields("error", "java.net.ConnectException: <refused>",
                    "phase", "connect")));
            t.add(new TimelineEntry("client-1", detect + 61, "reconnect", fields("attempt", 2, "delay_ms", 104)));
        }
        if (path.equals("nginx")) {
            t.add(new TimelineEntry("nginx", 5.0, "note", fields("text", "upstream gone")));
        }
        t.add(new TimelineEntry("harness", 500.5, "restart", fields("target", "server-2", "port", 40001)));
        t.add(new TimelineEntry("server-2", 1100.0, "ready", fields("port", 40001, "stack", "jetty")));
        if (detect != null) {
            t.add(new TimelineEntry("client-1", 1350.0, "open", fields("session", "c2")));
        }
        return t;
    }

    private static CellResult sendAfterClose() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("client_local_close_told_ms", 7.2);
        metrics.put("server_peer_killed_told_ms", 17.0);
        metrics.put("told_sends", 6);
        metrics.put("sends", 6);
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("client_local_close_outcome", "failed");
        obs.put("client_local_close_detected_before_send", true);
        List<TimelineEntry> t = List.of(
                new TimelineEntry("harness", 0.0, "fault", fields("kind", "client-close", "target", "client-1")),
                new TimelineEntry("client-1", 27.6, "close", fields("session", "c1", "code", 1000, "reason", "done",
                        "local", true)),
                new TimelineEntry("harness", 30.8, "send", fields("target", "client-1", "session", "c1", "seq", 900001)),
                new TimelineEntry("client-1", 53.2, "sent", fields("session", "c1", "seq", 900001, "outcome", "failed",
                        "error", "java.io.IOException: Output closed")),
                new TimelineEntry("harness", 198.2, "fault", fields("kind", "kill-client", "target", "client-1")),
                new TimelineEntry("server-1", 213.3, "error", fields("session", "s3", "error",
                        "java.nio.channels.ClosedChannelException: ")));
        return new CellResult("send-after-close.jetty.okhttp.default.direct", "send-after-close", "jetty", "okhttp",
                "default", NetworkPath.DIRECT, Verdict.PASS, "Every send on a gone session was refused.", "6/6 told", metrics, obs,
                t, "logs/send-after-close.jetty.okhttp.default.direct", fields("wall_ms", 2400, "overhead_ms", 1500));
    }

    private static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
