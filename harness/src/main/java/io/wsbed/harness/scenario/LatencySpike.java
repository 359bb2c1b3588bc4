package io.wsbed.harness.scenario;

import eu.rekawek.toxiproxy.Proxy;
import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A healthy connection turns slow: each direction gets latency of the heartbeat timeout plus one
 * second, for twice the heartbeat timeout, then the latency is removed and queued data flows. Is
 * the slow but healthy connection wrongly dropped, and does every message still arrive?
 */
public final class LatencySpike implements Scenario {

    @Override
    public String id() {
        return "latency-spike";
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
        return "Latency above the heartbeat timeout on both directions for a while, then removed.";
    }

    @Override
    public List<String> reports() {
        return List.of("dropped", "client_detect_ms", "server_detect_ms", "silent_loss", "latency_ms", "spike_ms");
    }

    @Override
    public Outcome run(CellContext ctx) {
        Timings t = ctx.timings();
        long latencyMs = t.heartbeatTimeoutMs() + 1000;
        long spikeMs = 2 * t.heartbeatTimeoutMs();
        RunningStack server = ctx.startServer(0, t.tickMs());
        Proxy proxy = ctx.toxiproxy(server.port());
        RunningStack client = ctx.startClient(CellContext.proxyPort(proxy), t.sendMs());
        Sessions flow = ctx.awaitFlow(client, server);
        String cs = flow.client();
        String ss = flow.server();

        NetworkFault spike = new NetworkFault.Latency(latencyMs);
        long t0 = ctx.mark("fault", "kind", "latency-spike", "latency_ms", latencyMs, "spike_ms", spikeMs);
        NetworkFault.run(() -> spike.apply(proxy), "apply the latency toxics");
        ctx.sleepUntil(t0 + spikeMs * 1000);
        ctx.mark("recover", "kind", "latency-spike");
        NetworkFault.run(() -> spike.recover(proxy), "remove the latency toxics");
        // Removing latency flushes what it held; let the delayed messages land.
        CellContext.sleep(Duration.ofMillis(latencyMs + 500));

        List<Event> events = ctx.timeline().snapshot();
        SideReport c = SideReport.of(events, "client", client.label(), cs, t0);
        SideReport s = SideReport.of(events, "server", server.label(), ss, t0);
        boolean dropped = c.told() || s.told();
        long lost = NetworkScenario.lostAfter(events, server.label(), ss, client.label(), cs, t0)
                + NetworkScenario.lostAfter(events, client.label(), cs, server.label(), ss, t0);
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> obs = new LinkedHashMap<>();
        metrics.put("dropped", dropped ? 1 : 0);
        obs.put("dropped", dropped ? "yes" : "no");
        c.put(metrics, obs, spikeMs + latencyMs + 500);
        s.put(metrics, obs, spikeMs + latencyMs + 500);
        metrics.put("silent_loss", lost);
        metrics.put("latency_ms", latencyMs);
        metrics.put("spike_ms", spikeMs);
        return new Outcome(metrics, obs, judge(c, s, dropped, lost, latencyMs));
    }

    private static Judgement judge(SideReport c, SideReport s, boolean dropped, long lost, long latencyMs) {
        if (!dropped) {
            return lost == 0
                    ? Judgement.pass("The slow connection (" + latencyMs + " ms each way) survived and every message arrived.")
                    : Judgement.fail("The connection survived but " + lost + " messages reported sent never arrived.");
        }
        return Judgement.degraded("A healthy but slow connection (" + latencyMs + " ms each way) was dropped: "
                + c.describe() + ", " + s.describe() + (lost > 0 ? "; " + lost + " messages sent ok never arrived" : "") + ".");
    }
}
