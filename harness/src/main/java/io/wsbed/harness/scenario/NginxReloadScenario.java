package io.wsbed.harness.scenario;

import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.nginx.NginxReload;
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
 * {@code nginx -s reload} while a session is open and messages flow, without and with
 * worker_shutdown_timeout: does the session survive the old worker, and if not, when and how
 * does each side learn, and how fast does the client come back through the new worker?
 */
public final class NginxReloadScenario implements Scenario {
    private final String id;
    private final boolean shutdownTimeout;

    private NginxReloadScenario(String id, boolean shutdownTimeout) {
        this.id = id;
        this.shutdownTimeout = shutdownTimeout;
    }

    public static NginxReloadScenario plain() {
        return new NginxReloadScenario("nginx-reload", false);
    }

    public static NginxReloadScenario withShutdownTimeout() {
        return new NginxReloadScenario("nginx-reload-shutdown-timeout", true);
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
    public String keyMetric() {
        return "client_detect_ms";
    }

    @Override
    public String description() {
        return shutdownTimeout
                ? "nginx is reloaded while messages flow; worker_shutdown_timeout bounds how long the old worker keeps the tunnel."
                : "nginx is reloaded while messages flow; no worker_shutdown_timeout (the old worker drains for as long as tunnels live).";
    }

    @Override
    public List<String> reports() {
        return List.of("survived", "client_detect_ms", "server_detect_ms", "reconnect_ms", "reload_ms");
    }

    @Override
    public Outcome run(CellContext ctx) {
        Timings t = ctx.timings();
        NginxSettings settings = new NginxSettings(Duration.ofMillis(t.nginxReadTimeoutMs()),
                Duration.ofMillis(t.nginxSendTimeoutMs()),
                shutdownTimeout ? Optional.of(Duration.ofMillis(t.nginxWorkerShutdownMs())) : Optional.empty());
        RunningStack server = ctx.startServer(0, t.tickMs());
        var proxy = ctx.nginx(settings, server.port());
        RunningStack client = ctx.startClient(proxy.port(), t.sendMs());
        Sessions flow = ctx.awaitFlow(client, server);
        String cs = flow.client();
        String ss = flow.server();

        long windowMs = 3 * t.nginxWorkerShutdownMs();
        long t0 = ctx.mark("fault", "kind", "nginx-reload", "worker_shutdown_timeout_ms",
                shutdownTimeout ? t.nginxWorkerShutdownMs() : null);
        NginxReload reload = proxy.reload(settings);
        ctx.mark("reloaded", "took_ms", reload.took().toMillis(), "old_workers", reload.oldWorkers().size(),
                "new_workers", reload.newWorkers().size());
        ctx.timeline().await(e -> e.source().equals(client.label()) && cs.equals(e.session()) && e.tMicros() >= t0
                && TimelineQueries.endsSession(e), Duration.ofMillis(windowMs));
        Optional<Event> reopen = Optional.empty();
        List<Event> events = ctx.timeline().snapshot();
        SideReport c = SideReport.of(events, "client", client.label(), cs, t0);
        if (c.told()) {
            reopen = ctx.awaitFrom(client.label(), c.end().get().tMicros(), Duration.ofMillis(t.windowMs()), "open");
            ctx.timeline().await(e -> e.source().equals(server.label()) && ss.equals(e.session()) && e.tMicros() >= t0
                    && TimelineQueries.endsSession(e), Duration.ofMillis(t.boundMs()));
            events = ctx.timeline().snapshot();
            c = SideReport.of(events, "client", client.label(), cs, t0);
        }
        SideReport s = SideReport.of(events, "server", server.label(), ss, t0);
        boolean survived = !c.told() && !s.told();
        Double reconnectMs = reopen.isPresent() && c.told()
                ? io.wsbed.harness.metrics.TimelineQueries.ms(c.end().get().tMicros(), reopen.get().tMicros()) : null;

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("survived", survived ? 1 : 0);
        metrics.put("reload_ms", reload.took().toMillis());
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("survived", survived ? "yes" : "no");
        c.put(metrics, obs, windowMs);
        s.put(metrics, obs, windowMs);
        metrics.put("reconnect_ms", reconnectMs);
        return new Outcome(metrics, obs, judge(c, s, survived, reconnectMs, windowMs));
    }

    private static Judgement judge(SideReport c, SideReport s, boolean survived, Double reconnectMs, long windowMs) {
        if (survived) {
            return Judgement.pass("The session survived the reload for the " + windowMs + " ms observed.");
        }
        String who = c.describe() + ", " + s.describe();
        if (!c.told() || !s.told()) {
            return Judgement.degraded("The reload cut the session but only one side was told: " + who + ".");
        }
        if (reconnectMs == null) {
            return Judgement.fail("The reload cut the session (" + who + ") and the client did not come back.");
        }
        return Judgement.pass("The reload cut the session (" + who + ") and the client reconnected "
                + Millis.format(reconnectMs) + " ms later.");
    }
}
