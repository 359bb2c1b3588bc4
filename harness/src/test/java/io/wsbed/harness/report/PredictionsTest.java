package io.wsbed.harness.report;

import io.wsbed.harness.scenario.NetworkPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.verdict.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictionsTest {

    @Test
    void aKeySplitsOnItsRoleWordSoStackIdsMayHoldDots() {
        org.junit.jupiter.api.Assertions.assertArrayEquals(new String[] {"socket.io", "client", "killed-peer.close"},
                Predictions.split("socket.io.client.killed-peer.close"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new String[] {"jetty", "server", "message-size.1m"},
                Predictions.split("jetty.server.message-size.1m"));
    }


    private static CellResult cell(String scenario, String server, String client, Map<String, Object> obs) {
        String id = scenario + "." + server + "." + client + ".default.direct";
        return new CellResult(id, scenario, server, client, "default", NetworkPath.DIRECT, Verdict.PASS, "reason", "", Map.of(),
                obs, List.of(), "logs/" + id, Map.of(), List.of());
    }

    private static Map<String, Object> obs(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Predictions.Check find(List<Predictions.Check> checks, String key) {
        return checks.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void comparesEachPredictionWithTheCellThatMeasuredIt() {
        Results r = new Results(new RunInfo("1", "s", "e", 1, Map.of(), "local", Map.of(), Map.of()), List.of(), List.of(),
                List.of(cell("server-crash", "jetty", "undertow", obs("client_close_code", 1001L, "client_error", null)),
                        cell("send-after-close", "jetty", "okhttp", obs("client_local_close_outcome", "false",
                                "client_local_close_error", null)),
                        cell("client-crash", "jetty", "jdk", obs("server_close_code", 1006L,
                                "server_error", "java.nio.channels.ClosedChannelException"))));
        List<Predictions.Check> checks = Predictions.check(r);

        Predictions.Check undertow = find(checks, "undertow.client.killed-peer.close");
        assertEquals("1001", undertow.observed());
        assertEquals("saw instead", undertow.status(), "stacks.md says 1006; the run is the authority");
        assertEquals("server-crash.jetty.undertow.default.direct", undertow.cell());

        assertEquals("confirmed", find(checks, "okhttp.client.send-after-close").status());
        assertEquals("confirmed", find(checks, "jetty.server.killed-peer.error").status());

        Predictions.Check tyrus = find(checks, "tyrus.client.send-after-close");
        assertNull(tyrus.observed());
        assertEquals("not measured", tyrus.status());
    }

    @Test
    void readsTheBrowsersLinesFromTheTimeline() {
        String crash = "server-crash.jetty.chromium.default.direct";
        String send = "send-after-close.jetty.chromium.default.direct";
        List<TimelineEntry> crashLine = List.of(
                new TimelineEntry("client-1", 15, "close", Map.of("session", "c1", "code", 1006L)),
                new TimelineEntry("server-2", 90, "error", Map.of("error", "X: y", "phase", "connect", "fired", "server's")),
                new TimelineEntry("client-1", 100, "error", Map.of("error", "Event: ", "phase", "connect",
                        "fired", "error, close 1006")),
                new TimelineEntry("client-1", 300, "error", Map.of("error", "Event: ", "phase", "connect", "fired", "later")));
        List<TimelineEntry> sendLine = List.of(
                new TimelineEntry("client-1", 30, "observation", Map.of("console", "error: WebSocket is already in CLOSING"
                        + " or CLOSED state.", "caught_by_try_catch", false, "window_onerror", "window.onerror: boom")));
        Results r = new Results(new RunInfo("1", "s", "e", 1, Map.of(), "local", Map.of(), Map.of()), List.of(), List.of(),
                List.of(new CellResult(crash, "server-crash", "jetty", "chromium", "default", NetworkPath.DIRECT, Verdict.PASS,
                                "reason", "", Map.of(), obs("client_close_code", 1006L), crashLine, "logs", Map.of(), List.of()),
                        new CellResult(send, "send-after-close", "jetty", "chromium", "default", NetworkPath.DIRECT,
                                Verdict.FAIL, "reason", "", Map.of(), obs("client_local_close_outcome", "silent"), sendLine,
                                "logs", Map.of(), List.of())));
        List<Predictions.Check> checks = Predictions.check(r);

        Predictions.Check refused = find(checks, "chromium.client.connect-refused");
        assertEquals("error, close 1006", refused.observed(), "the client's first connect error, not the server's");
        assertEquals(crash, refused.cell());
        assertEquals("confirmed", find(checks, "chromium.client.killed-peer.error").status());
        assertEquals("confirmed", find(checks, "chromium.client.send-after-close.console").status());
        Predictions.Check caught = find(checks, "chromium.client.send-after-close.caught");
        assertEquals("try/catch false, window.onerror window.onerror: boom", caught.observed());
        assertEquals("saw instead", caught.status());
        assertEquals("not measured", find(checks, "firefox.client.send-after-close.console").status());
    }

    @Test
    void anNginxIdlePredictionReadsTheCellOfItsProfileThroughNginx() {
        List<CellResult> cells = List.of(
                nginxIdle("default", "yes", NetworkPath.DIRECT), nginxIdle("default", "no", NetworkPath.NGINX),
                nginxIdle("heartbeat", "no", NetworkPath.NGINX));
        List<Predictions.Check> checks = Predictions.check(new Results(
                new RunInfo("1", "s", "e", 1, Map.of(), "local", Map.of(), Map.of()), List.of(), List.of(), cells));
        Predictions.Check quiet = find(checks, "firefox.client.nginx-idle.default");
        assertEquals("no", quiet.observed());
        assertEquals("nginx-idle-timeout.jetty.firefox.default.nginx", quiet.cell());
        assertEquals("confirmed", quiet.status());
        assertEquals("saw instead", find(checks, "firefox.client.nginx-idle.heartbeat").status());
        assertEquals("not measured", find(checks, "chromium.client.nginx-idle.heartbeat").status());
    }

    private static CellResult nginxIdle(String profile, String survived, NetworkPath path) {
        String id = "nginx-idle-timeout.jetty.firefox." + profile + "." + path.name().toLowerCase(java.util.Locale.ROOT);
        return new CellResult(id, "nginx-idle-timeout", "jetty", "firefox", profile, path, Verdict.PASS, "reason", "",
                Map.of(), obs("survived", survived), List.of(), "logs", Map.of(), List.of());
    }

    @Test
    void aMessageSizePredictionReadsTheDirectionTheStackReceives() {
        Results r = new Results(new RunInfo("1", "s", "e", 1, Map.of(), "local", Map.of(), Map.of()), List.of(), List.of(),
                List.of(cell("message-size", "jetty", "jdk", obs("c2s_64k_outcome", "accepted", "c2s_1m_outcome", "refused-1009",
                                "s2c_1m_outcome", "accepted", "c2s_16m_outcome", "closed-1006")),
                        cell("message-size", "vertx", "jdk", obs("c2s_1m_outcome", "error"))));
        List<Predictions.Check> checks = Predictions.check(r);

        assertEquals("confirmed", find(checks, "jetty.server.message-size.64k").status());
        assertEquals("confirmed", find(checks, "jetty.server.message-size.1m").status());
        Predictions.Check big = find(checks, "jetty.server.message-size.16m");
        assertEquals("closed-1006", big.observed());
        assertEquals("saw instead", big.status());
        assertEquals("message-size.jetty.jdk.default.direct", big.cell());
        assertEquals("confirmed", find(checks, "vertx.server.message-size.1m").status());
        assertEquals("not measured", find(checks, "tomcat.server.message-size.64k").status());
    }

    @Test
    void anIdleTimeoutPredictionReadsThePeersCloseCodeOrKeptOpen() {
        Results r = new Results(new RunInfo("1", "s", "e", 1, Map.of(), "local", Map.of(), Map.of()), List.of(), List.of(),
                List.of(cell("server-idle-timeout", "jetty", "jdk", obs("kept_open", "no", "client_close_code", 1001L,
                                "server_close_code", null)),
                        cell("server-idle-timeout", "undertow", "jdk", obs("kept_open", "no", "client_close_code", 1006L)),
                        cell("client-idle-timeout", "jetty", "okhttp", obs("kept_open", "yes", "server_close_code", null))));
        List<Predictions.Check> checks = Predictions.check(r);

        Predictions.Check jetty = find(checks, "jetty.server.idle-timeout.peer-close");
        assertEquals("confirmed", jetty.status());
        assertEquals("server-idle-timeout.jetty.jdk.default.direct", jetty.cell());
        assertEquals("saw instead", find(checks, "undertow.server.idle-timeout.peer-close").status());
        Predictions.Check okhttp = find(checks, "okhttp.client.idle-timeout.peer-close");
        assertEquals("kept open", okhttp.observed());
        assertEquals("confirmed", okhttp.status());
    }
}
