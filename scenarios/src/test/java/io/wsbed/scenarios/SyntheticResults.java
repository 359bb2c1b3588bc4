package io.wsbed.scenarios;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.KeyFigure;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.result.ScenarioInfo;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.scenario.Scenario;
import io.wsbed.harness.scenario.Scenarios;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A made-up but plausible run of any size, for the report's browser test and its load benchmark:
 * every scenario wsbed knows, with its real paths, profiles and figures, run by as many server and
 * client stacks as asked (the real ones first, then invented names). Each stack has a character
 * drawn from the seed (what it tells the application, how fast it notices and comes back), so rows
 * disagree the way real ones do; each cell has a timeline shaped like a real one (ready, open, a
 * tick of messages each way every 50 ms, the fault, the close or error, a reconnect). The same
 * arguments always give the same run.
 */
final class SyntheticResults {
    private static final List<String> SERVERS = List.of("jetty", "undertow", "tyrus", "netty", "spring", "vertx",
            "helidon", "quarkus", "micronaut", "grizzly", "node-ws", "uwebsockets", "socketio", "aiohttp", "gorilla",
            "tungstenite");
    private static final List<String> CLIENTS = List.of("jdk", "okhttp", "jetty", "undertow", "tyrus", "netty",
            "chromium", "firefox", "webkit", "node-ws", "socketio-client", "aiohttp", "gorilla", "tungstenite",
            "spring", "vertx", "reactor-netty", "ktor", "python-websockets", "dotnet");
    private static final List<String> TOLD = List.of("close 1006", "close 1006", "close 1006",
            "error java.io.IOException", "error java.nio.channels.ClosedChannelException", "close 1001 \"going away\"",
            "close without a code");
    private static final List<String> SEND_OUTCOMES = List.of("failed", "failed", "failed", "threw", "false");

    private final SplittableRandom random;
    private final Map<String, Trait> traits = new LinkedHashMap<>();

    /** How one stack behaves in every cell it is in. */
    private record Trait(String told, String sendOutcome, double detectMs, double reconnectMs, double failRate) {
    }

    private SyntheticResults(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The three real server stacks and the five real client stacks: about 170 cells, as a full run has. */
    static Results small() {
        return of(3, 5, Integer.MAX_VALUE, 20261129L);
    }

    /** Exactly {@code cells} cells (when the stacks give that many), the server view first. */
    static Results of(int serverStacks, int clientStacks, int cells, long seed) {
        return new SyntheticResults(seed).build(SERVERS.subList(0, serverStacks), CLIENTS.subList(0, clientStacks), cells);
    }

    private Results build(List<String> servers, List<String> clients, int maxCells) {
        List<CellResult> cells = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<ScenarioInfo> scenarios = new ArrayList<>();
        for (String id : Scenarios.ids()) {
            Scenario sc = Scenarios.create(id);
            scenarios.add(new ScenarioInfo(id, sc.paths(), sc.description(), sc.reports()));
            for (NetworkPath path : sc.paths()) {
                for (Profile profile : sc.profiles()) {
                    if (Scenarios.inServerView(id)) {
                        servers.forEach(s -> add(cells, ids, sc, s, clients.get(0), s, profile.id(), path));
                    }
                    if (Scenarios.inClientView(id)) {
                        clients.forEach(c -> add(cells, ids, sc, servers.get(0), c, c, profile.id(), path));
                    }
                }
            }
        }
        List<CellResult> kept = cells.subList(0, Math.min(maxCells, cells.size()));
        Set<String> used = new LinkedHashSet<>();
        kept.forEach(c -> {
            used.add(c.server());
            used.add(c.client());
        });
        List<StackInfo> stacks = used.stream().sorted().map(this::stack).toList();
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("stacks", "all");
        selection.put("reference_server", servers.get(0));
        selection.put("reference_client", clients.get(0));
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("heartbeat_ms", 500);
        timings.put("window_ms", 10000);
        timings.put("detect_bound_ms", 2500);
        RunInfo run = new RunInfo("synthetic-" + kept.size(), "2026-01-01T12:00:00Z", "2026-01-01T13:00:00Z", 1,
                Map.of("cores", 2, "os", "synthetic"), "local", timings, selection);
        return new Results(run, stacks, scenarios, kept);
    }

    private StackInfo stack(String id) {
        List<String> roles = new ArrayList<>();
        if (SERVERS.contains(id)) {
            roles.add("server");
        }
        if (CLIENTS.contains(id)) {
            roles.add("client");
        }
        return new StackInfo(id, "synthetic " + id, "1." + Math.abs(id.hashCode() % 20) + ".0", roles,
                "portable ping timer (synthetic)", "send(text) -> callback", id.equals("tyrus"));
    }

    private Trait trait(String stack) {
        return traits.computeIfAbsent(stack, s -> new Trait(TOLD.get(random.nextInt(TOLD.size())),
                SEND_OUTCOMES.get(random.nextInt(SEND_OUTCOMES.size())), random.nextInt(10) == 0 ? 150 : 3 + random.nextInt(20),
                random.nextInt(8) == 0 ? 5000 : 100 + random.nextInt(700), random.nextInt(6) == 0 ? 0.3 : 0.03));
    }

    /** Adds one cell; {@code column} is the stack under test (its trait decides), the other side is the reference. */
    private void add(List<CellResult> cells, Set<String> ids, Scenario sc, String server, String client, String column,
                     String profile, NetworkPath path) {
        String id = String.join(".", sc.id(), server, client, profile, path.id());
        if (!ids.add(id)) {
            return;
        }
        Trait ch = trait(column);
        boolean failed = random.nextDouble() < ch.failRate();
        Double detect = failed ? null : Math.round(ch.detectMs() * (0.7 + random.nextDouble() * 0.6) * 10) / 10.0;
        Double reconnect = failed ? null : Math.round(ch.reconnectMs() * (0.8 + random.nextDouble() * 0.4) * 10) / 10.0;
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String name : sc.reports()) {
            metrics.put(name, figure(name, detect, reconnect, failed));
        }
        Map<String, Object> obs = new LinkedHashMap<>();
        String told = failed ? "nothing within 10000 ms" : ch.told();
        for (String side : List.of("client", "server")) {
            if (sc.reports().contains(side + "_detect_ms")) {
                obs.put(side + "_told", told);
            }
        }
        if (sc.id().equals("send-after-close")) {
            for (String key : List.of("client_local_close", "client_remote_close", "server_local_close", "server_remote_close")) {
                obs.put(key + "_outcome", ch.sendOutcome());
                obs.put(key + "_error", ch.sendOutcome().equals("false") ? null : "java.io.IOException");
            }
        }
        Verdict verdict = failed ? Verdict.FAIL : random.nextInt(25) == 0 ? Verdict.DEGRADED : Verdict.PASS;
        String reason = failed ? "The client was never told within the 10000 ms window (synthetic)."
                : "The client was told after " + detect + " ms (synthetic).";
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("wall_ms", 3000 + random.nextInt(2000));
        timings.put("process_start_ms", Map.of("server-1", 400 + random.nextInt(600), "client-1", 350 + random.nextInt(400)));
        cells.add(new CellResult(id, sc.id(), server, client, profile, path, verdict, reason,
                KeyFigure.of(sc.keyMetric(), metrics), metrics, obs, timeline(detect, told, sc.id()), "logs/" + id, timings));
    }

    /** A figure's value; a time not seen is null. */
    private Object figure(String name, Double detect, Double reconnect, boolean failed) {
        if (name.endsWith("detect_ms")) {
            return detect;
        }
        if (name.endsWith("_ms")) {
            return reconnect;
        }
        return name.equals("told_sends") || name.equals("sends") ? 6L : (long) random.nextInt(failed ? 40 : 2);
    }

    /** The fault mark's kind as the real schedules write it. */
    private static String faultKind(String scenario) {
        if (scenario.startsWith("server-crash") || scenario.equals("reconnect-storm")) {
            return "kill-server";
        }
        return scenario.startsWith("nginx-idle") ? "idle" : scenario.startsWith("nginx-reload") ? "nginx-reload" : scenario;
    }

    /** A timeline shaped like a real one: most are short, the scenarios that hold the session for seconds are long. */
    private List<TimelineEntry> timeline(Double detect, String told, String scenario) {
        List<TimelineEntry> t = new ArrayList<>();
        t.add(new TimelineEntry("server-1", -900 - random.nextInt(300), "ready", Map.of("port", 40000, "role", "server")));
        t.add(new TimelineEntry("client-1", -500 - random.nextInt(100), "ready", Map.of("role", "client")));
        t.add(new TimelineEntry("server-1", -190.0, "open", Map.of("session", "s1")));
        t.add(new TimelineEntry("client-1", -130.0, "open", Map.of("session", "c1")));
        boolean held = scenario.startsWith("latency") || scenario.startsWith("nginx-reload") || scenario.startsWith("reconnect");
        double end = detect == null || held ? 6000 : Math.min(detect + 300, 2500);
        int seq = 0;
        for (double ms = -110; ms < end; ms += 50) {
            seq++;
            int latency = 300 + random.nextInt(30000);
            t.add(new TimelineEntry("server-1", ms, "sent", Map.of("session", "s1", "seq", seq, "outcome", "ok",
                    "latency_us", latency)));
            if (ms < 0 || detect == null || ms < detect) {
                t.add(new TimelineEntry("client-1", ms + 0.4, "recv", Map.of("session", "c1", "seq", seq)));
            }
            t.add(new TimelineEntry("client-1", ms + 11, "sent", Map.of("session", "c1", "seq", seq, "outcome", "ok",
                    "latency_us", latency / 3)));
            t.add(new TimelineEntry("server-1", ms + 11.5, "recv", Map.of("session", "s1", "seq", seq)));
        }
        t.add(new TimelineEntry("harness", 0.0, "fault", Map.of("kind", faultKind(scenario), "target", "server-1")));
        if (detect != null) {
            t.add(told.startsWith("close") ? new TimelineEntry("client-1", detect, "close", Map.of("session", "c1",
                    "code", told.startsWith("close 1001") ? 1001 : told.startsWith("close 1006") ? 1006 : -1))
                    : new TimelineEntry("client-1", detect, "error", Map.of("session", "c1", "error", told.substring(6))));
            // Connection refused until the server is back, one attempt per backoff step, as a real client does.
            int attempt = 0;
            for (double ms = detect + 1; ms < 1050; ms += 40 + random.nextInt(60)) {
                attempt++;
                t.add(new TimelineEntry("client-1", ms, "reconnect", Map.of("attempt", attempt, "delay_ms", 50)));
                t.add(new TimelineEntry("client-1", ms + 2, "error", Map.of("error",
                        "java.net.ConnectException: Connection refused", "phase", "connect")));
            }
            t.add(new TimelineEntry("harness", 500.0, "restart", Map.of("target", "server-2")));
            t.add(new TimelineEntry("server-2", 980.0, "ready", Map.of("port", 40000, "role", "server")));
            t.add(new TimelineEntry("client-1", 1100.0, "open", Map.of("session", "c2")));
        }
        t.sort(java.util.Comparator.comparingDouble(TimelineEntry::ms));
        return t;
    }
}
