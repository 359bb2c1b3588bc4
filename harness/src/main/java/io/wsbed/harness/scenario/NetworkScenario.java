package io.wsbed.harness.scenario;

import eu.rekawek.toxiproxy.Proxy;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.TwoSided;
import io.wsbed.harness.verdict.VerdictRules;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network between two live peers fails through a Toxiproxy proxy while messages flow both
 * ways, then recovers: does each side notice, when, what is it told, what was lost, and how fast
 * does the client come back? Blackhole and reset recover after both sides noticed (or the window
 * ran out); proxy-down recovers after one second.
 */
public final class NetworkScenario implements Scenario {
    private final String id;
    private final NetworkFault fault;
    private final long downForMs;
    private final String description;

    private NetworkScenario(String id, NetworkFault fault, long downForMs, String description) {
        this.id = id;
        this.fault = fault;
        this.downForMs = downForMs;
        this.description = description;
    }

    public static NetworkScenario blackhole() {
        return new NetworkScenario("network-blackhole", new NetworkFault.Blackhole(), -1,
                "Toxiproxy silently drops all data both ways (timeout toxics, no FIN or RST); removed after detection or the window.");
    }

    public static NetworkScenario reset() {
        return new NetworkScenario("network-reset", new NetworkFault.ResetPeer(), -1,
                "Toxiproxy resets both legs of the live connection with RST (reset_peer).");
    }

    public static NetworkScenario proxyDown() {
        return new NetworkScenario("proxy-down", new NetworkFault.ProxyDown(), 1000,
                "The Toxiproxy proxy is disabled (connections closed, new ones refused) and re-enabled after 1 s.");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> paths() {
        return List.of("toxiproxy");
    }

    @Override
    public String keyMetric() {
        return "client_detect_ms";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> reports() {
        return List.of("client_detect_ms", "server_detect_ms", "reconnect_ms", "silent_loss");
    }

    @Override
    public Outcome run(CellContext ctx) {
        Timings t = ctx.timings();
        RunningStack server = ctx.startServer(0, t.tickMs());
        Proxy proxy = ctx.toxiproxy(server.port());
        NetworkFault.run(() -> fault.arm(proxy), "arm " + id);
        RunningStack client = ctx.startClient(CellContext.proxyPort(proxy), t.sendMs());
        Sessions flow = ctx.awaitFlow(client, server);
        String cs = flow.client();
        String ss = flow.server();

        long t0 = ctx.mark("fault", "kind", id);
        NetworkFault.run(() -> fault.apply(proxy), "apply " + id);
        ctx.mark("proxy", "toxics", "applied");
        if (downForMs > 0) {
            ctx.sleepUntil(t0 + downForMs * 1000);
        } else {
            Duration window = Duration.ofMillis(t.windowMs());
            ctx.timeline().await(ended(client.label(), cs, t0), window);
            long left = t0 / 1000 + t.windowMs() - ctx.timeline().nowMicros() / 1000;
            ctx.timeline().await(ended(server.label(), ss, t0), Duration.ofMillis(Math.max(left, 0)));
        }
        long t1 = ctx.mark("recover", "kind", id);
        NetworkFault.run(() -> fault.recover(proxy), "recover " + id);
        Optional<Event> reopen = ctx.awaitFrom(client.label(), t1, Duration.ofMillis(t.windowMs()), "open");
        if (downForMs > 0) {
            // Detection may come after the proxy is back; give both sides the window from t0.
            long left = t0 / 1000 + t.windowMs() - ctx.timeline().nowMicros() / 1000;
            ctx.timeline().await(ended(server.label(), ss, t0), Duration.ofMillis(Math.max(left, 0)));
        }
        return measure(ctx, client.label(), cs, server.label(), ss, t0, downForMs > 0 ? Long.MAX_VALUE : t1, t1, reopen);
    }

    /** Ends at or after t0 and before {@code detectUntil} count as detection. */
    private Outcome measure(CellContext ctx, String client, String cs, String server, String ss, long t0,
                            long detectUntil, long t1, Optional<Event> reopen) {
        Timings t = ctx.timings();
        List<Event> events = ctx.timeline().snapshot();
        SideReport c = SideReport.of(events, "client", client, cs, t0);
        SideReport s = SideReport.of(events, "server", server, ss, t0);
        Double cd = detectedBefore(c, detectUntil, t.windowMs());
        Double sd = detectedBefore(s, detectUntil, t.windowMs());
        long lost = lostAfter(events, server, ss, client, cs, t0) + lostAfter(events, client, cs, server, ss, t0);
        Double reconnect = reopen.map(e -> TimelineQueries.ms(t1, e.tMicros())).orElse(null);

        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> obs = new LinkedHashMap<>();
        c.put(metrics, obs, t.windowMs());
        s.put(metrics, obs, t.windowMs());
        metrics.put("client_detect_ms", cd);
        metrics.put("server_detect_ms", sd);
        metrics.put("reconnect_ms", reconnect);
        metrics.put("silent_loss", lost);
        obs.put("client_detected", cd == null ? "not within " + t.windowMs() + " ms" : "yes");
        obs.put("server_detected", sd == null ? "not within " + t.windowMs() + " ms" : "yes");
        return new Outcome(metrics, obs, VerdictRules.networkFault(new TwoSided(cd, sd, t.windowMs(), reconnect, lost),
                t.boundMs()));
    }

    private static Double detectedBefore(SideReport side, long untilMicros, long windowMs) {
        if (side.end().isEmpty() || side.end().get().tMicros() >= untilMicros) {
            return null;
        }
        Double ms = side.detectMs();
        return ms != null && ms <= windowMs ? ms : null;
    }

    /** Sends reported ok after t0 on the sender's session that the receiver's session never got. */
    static long lostAfter(List<Event> events, String sender, String senderSession, String receiver,
                          String receiverSession, long t0) {
        var received = events.stream().filter(e -> e.source().equals(receiver) && e.ev().equals("recv")
                && receiverSession.equals(e.session())).map(e -> e.num("seq", -1)).collect(java.util.stream.Collectors.toSet());
        return events.stream().filter(e -> e.source().equals(sender) && e.ev().equals("sent")
                        && senderSession.equals(e.session()) && e.tMicros() >= t0 && "ok".equals(e.str("outcome")))
                .filter(e -> !received.contains(e.num("seq", -1))).count();
    }

    static java.util.function.Predicate<Event> ended(String source, String session, long t0) {
        return e -> e.source().equals(source) && session.equals(e.session()) && e.tMicros() >= t0
                && TimelineQueries.endsSession(e);
    }
}
