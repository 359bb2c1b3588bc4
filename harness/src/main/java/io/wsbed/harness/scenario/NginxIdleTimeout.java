package io.wsbed.harness.scenario;

import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.nginx.NginxSettings;
import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connection through nginx carries no messages for three proxy_read_timeouts. Variants: pings
 * as the profile says (none in default, both sides in heartbeat), only the server pings, only
 * the client pings (the server's automatic pongs are then the only upstream traffic). Reports
 * whether it survived and, if nginx cut it (FIN on both legs, no Close frame), when each side
 * was told and what.
 */
public final class NginxIdleTimeout implements Scenario {
    /** Who sends pings. */
    enum Pings { PROFILE, SERVER_ONLY, CLIENT_ONLY }

    private final String id;
    private final Pings pings;

    private NginxIdleTimeout(String id, Pings pings) {
        this.id = id;
        this.pings = pings;
    }

    public static NginxIdleTimeout asProfile() {
        return new NginxIdleTimeout("nginx-idle-timeout", Pings.PROFILE);
    }

    public static NginxIdleTimeout serverPings() {
        return new NginxIdleTimeout("nginx-idle-timeout-server-ping", Pings.SERVER_ONLY);
    }

    public static NginxIdleTimeout clientPings() {
        return new NginxIdleTimeout("nginx-idle-timeout-client-ping", Pings.CLIENT_ONLY);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> paths() {
        return List.of("nginx");
    }

    @Override
    public List<Profile> profiles() {
        return pings == Pings.PROFILE ? List.of(Profile.DEFAULT, Profile.HEARTBEAT) : List.of(Profile.HEARTBEAT);
    }

    @Override
    public String keyMetric() {
        return "client_detect_ms";
    }

    @Override
    public String description() {
        return switch (pings) {
            case PROFILE -> "No messages through nginx for three proxy_read_timeouts; pings as the profile says.";
            case SERVER_ONLY -> "No messages through nginx for three proxy_read_timeouts; only the server pings.";
            case CLIENT_ONLY -> "No messages through nginx for three proxy_read_timeouts; only the client pings "
                    + "(the server's automatic pongs are the only upstream traffic).";
        };
    }

    @Override
    public List<String> reports() {
        return List.of("survived", "client_detect_ms", "server_detect_ms");
    }

    @Override
    public Outcome run(CellContext ctx) {
        Timings t = ctx.timings();
        List<String> hb = Profile.HEARTBEAT.options(t);
        List<String> profileHb = ctx.cell().profile().options(t);
        List<String> serverHb = switch (pings) {
            case PROFILE -> profileHb;
            case SERVER_ONLY -> hb;
            case CLIENT_ONLY -> List.of();
        };
        List<String> clientHb = switch (pings) {
            case PROFILE -> profileHb;
            case SERVER_ONLY -> List.of();
            case CLIENT_ONLY -> hb;
        };
        RunningStack server = ctx.startServer(0, 0, serverHb);
        var proxy = ctx.nginx(new NginxSettings(Duration.ofMillis(t.nginxReadTimeoutMs()),
                Duration.ofMillis(t.nginxSendTimeoutMs()), Optional.empty()), server.port());
        RunningStack client = ctx.startClient(proxy.port(), 0, "none", clientHb);
        Event cOpen = ctx.awaitOpen(client, 0, Duration.ofSeconds(5));
        Event sOpen = ctx.awaitOpen(server, 0, Duration.ofSeconds(5));
        String cs = cOpen.session();
        String ss = sOpen.session();

        // The handshake was the last traffic: the quiet period began when it completed.
        long windowMs = 3 * t.nginxReadTimeoutMs();
        long t0 = ctx.markAt(Math.max(cOpen.tMicros(), sOpen.tMicros()), "fault", "kind", "idle",
                "proxy_read_timeout_ms", t.nginxReadTimeoutMs(), "window_ms", windowMs);
        Duration window = Duration.ofMillis(windowMs);
        ctx.timeline().await(ended(client.label(), cs, t0), window);
        long left = t0 / 1000 + windowMs - ctx.timeline().nowMicros() / 1000;
        ctx.timeline().await(ended(server.label(), ss, t0), Duration.ofMillis(Math.max(left, 300)));

        List<Event> events = ctx.timeline().snapshot();
        SideReport c = SideReport.of(events, "client", client.label(), cs, t0);
        SideReport s = SideReport.of(events, "server", server.label(), ss, t0);
        boolean survived = !c.told() && !s.told();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("survived", survived ? 1 : 0);
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("survived", survived ? "yes" : "no");
        obs.put("pings", pings.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        c.put(metrics, obs, windowMs);
        s.put(metrics, obs, windowMs);
        boolean pinged = pings != Pings.PROFILE || ctx.cell().profile() == Profile.HEARTBEAT;
        return new Outcome(metrics, obs, judge(c, s, survived, pinged, windowMs, t));
    }

    private static java.util.function.Predicate<Event> ended(String source, String session, long t0) {
        return e -> e.source().equals(source) && session.equals(e.session()) && e.tMicros() >= t0
                && TimelineQueries.endsSession(e);
    }

    private static Judgement judge(SideReport c, SideReport s, boolean survived, boolean pinged, long windowMs, Timings t) {
        if (survived) {
            return Judgement.pass("The connection survived " + windowMs + " ms of no messages"
                    + (pinged ? ": the pings kept nginx's read timer from firing." : "."));
        }
        String who = c.describe() + ", " + s.describe();
        if (!c.told() || !s.told()) {
            return Judgement.degraded("nginx cut the connection but only one side was told: " + who + ".");
        }
        long latest = Math.round(Math.max(c.detectMs(), s.detectMs()));
        if (pinged) {
            return Judgement.degraded("nginx cut the connection although pings flowed; " + who + ".");
        }
        if (latest > t.nginxReadTimeoutMs() + t.boundMs()) {
            return Judgement.degraded("nginx cut the quiet connection but a side was told late: " + who + ".");
        }
        return Judgement.pass("nginx cut the quiet connection and both sides were told: " + who + ".");
    }
}
