package io.wsbed.harness.scenario;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * N clients (one client process holding N connections, so the cores stay with the server) are
 * connected to one server; the server is killed and restarted. How long until all N are back
 * (p50/p95/max of each client's reconnect time after the server is ready), how many connection
 * errors the storm produced, and how the backoff's jitter spread the attempts over time.
 */
public final class ReconnectStorm implements Scenario {
    /** Width of one bucket of the attempt histogram. */
    static final long BUCKET_MS = 100;

    private final int clients;

    public ReconnectStorm(int clients) {
        if (clients < 1) {
            throw HarnessException.configuration("wsbed.storm.clients must be at least 1, got " + clients);
        }
        this.clients = clients;
    }

    @Override
    public String id() {
        return "reconnect-storm";
    }

    @Override
    public List<String> paths() {
        return List.of("direct");
    }

    @Override
    public List<Profile> profiles() {
        return List.of(Profile.DEFAULT);
    }

    @Override
    public String keyMetric() {
        return "all_back_ms";
    }

    @Override
    public String description() {
        return clients + " clients in one process are connected to one server; the server is killed and restarted.";
    }

    @Override
    public List<String> reports() {
        return List.of("storm_clients", "all_back_ms", "reconnect_p50_ms", "reconnect_p95_ms", "reconnect_max_ms",
                "connect_errors", "reconnect_attempts");
    }

    @Override
    public Outcome run(CellContext ctx) {
        Timings t = ctx.timings();
        Duration setup = Duration.ofSeconds(30);
        RunningStack server = ctx.startServer(0, 0);
        int port = server.port();
        RunningStack client = ctx.startClient(port, 0, "backoff", List.of("--connections", Integer.toString(clients)));
        int open = ctx.timeline().awaitCount(e -> e.source().equals(client.label()) && e.ev().equals("open"), clients, setup);
        if (open < clients) {
            throw new HarnessException("only " + open + " of " + clients + " clients connected within " + setup.toSeconds()
                    + " s before the storm; see " + ctx.logDir());
        }
        long t0 = ctx.mark("fault", "kind", "kill-server", "target", server.label(), "clients", clients);
        server.kill();
        server.awaitExit(Duration.ofSeconds(3));
        ctx.sleepUntil(t0 + t.restartDelayMs() * 1000);
        ctx.mark("restart", "target", "server-2", "port", port);
        RunningStack server2 = ctx.restartServer(port, 0, Duration.ofSeconds(5));
        long t1 = ctx.timeline().first(e -> e.source().equals(server2.label()) && e.ev().equals("ready"))
                .orElseThrow(() -> new HarnessException("restarted server has no ready event")).tMicros();
        ctx.timeline().awaitCount(e -> e.source().equals(client.label()) && e.ev().equals("open") && e.tMicros() > t0,
                clients, Duration.ofMillis(t.windowMs()));
        return measure(ctx, client.label(), t0, t1);
    }

    private Outcome measure(CellContext ctx, String client, long t0, long t1) {
        List<Event> events = ctx.timeline().snapshot();
        List<Double> back = new ArrayList<>();
        long errors = 0;
        long attempts = 0;
        Map<Long, Long> histogram = new TreeMap<>();
        for (Event e : events) {
            if (!e.source().equals(client) || e.tMicros() <= t0) {
                continue;
            }
            switch (e.ev()) {
                case "open" -> back.add(TimelineQueries.ms(t1, e.tMicros()));
                case "error" -> errors += "connect".equals(e.str("phase")) ? 1 : 0;
                case "reconnect" -> {
                    attempts++;
                    // When the attempt is made: the reconnect event plus its delay.
                    long at = (e.tMicros() - t0) / 1000 + e.num("delay_ms", 0);
                    histogram.merge(at / BUCKET_MS * BUCKET_MS, 1L, Long::sum);
                }
                default -> {
                }
            }
        }
        back.sort(Double::compare);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("storm_clients", clients);
        metrics.put("reconnected", back.size());
        metrics.put("all_back_ms", back.size() == clients ? back.get(back.size() - 1) : null);
        metrics.put("reconnect_p50_ms", percentile(back, 0.50));
        metrics.put("reconnect_p95_ms", percentile(back, 0.95));
        metrics.put("reconnect_max_ms", back.isEmpty() ? null : back.get(back.size() - 1));
        metrics.put("connect_errors", errors);
        metrics.put("reconnect_attempts", attempts);
        Map<String, Object> obs = new LinkedHashMap<>();
        Map<String, Object> buckets = new LinkedHashMap<>();
        histogram.forEach((ms, n) -> buckets.put(Long.toString(ms), n));
        obs.put("attempts_per_100ms_after_kill", buckets);
        obs.put("server_back_after_kill_ms", TimelineQueries.ms(t0, t1));
        return new Outcome(metrics, obs, judge(back, ctx.timings()));
    }

    private Judgement judge(List<Double> back, Timings t) {
        if (back.size() < clients) {
            return Judgement.fail("Only " + back.size() + " of " + clients + " clients were back within the "
                    + t.windowMs() + " ms window.");
        }
        return Judgement.pass("All " + clients + " clients were back " + Millis.format(back.get(back.size() - 1))
                + " ms after the server was ready (p50 " + Millis.format(percentile(back, 0.5)) + " ms, p95 "
                + Millis.format(percentile(back, 0.95)) + " ms).");
    }

    /** Nearest-rank percentile of sorted values, or null when there are none. */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "reconnect-storm(%d)", clients);
    }
}
