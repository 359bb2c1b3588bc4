package io.wsbed.harness.check;

import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Many clients lost their server at once: how long until all were back after the restarted
 * server was ready (p50/p95/max), how many connection errors the storm produced, and how the
 * backoff spread the attempts. The {@code stage} mark carries the number of {@code connections};
 * each {@code open} of a client with several carries its {@code conn}.
 */
public final class ReconnectStormChecker implements Checker {
    /** Width of one bucket of the attempt histogram. */
    static final long BUCKET_MS = 100;

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        Event fault = h.requireMark("fault");
        long t0 = fault.tMicros();
        int clients = (int) h.requireMark(History.STAGE).num("connections", -1);
        if (clients < 1) {
            throw new HistoryException("the stage mark of a reconnect storm has no connections count");
        }
        long t1 = h.readyOf(h.requireMark("restart").str("target")).tMicros();
        String client = h.staged("client");
        // Each connection's first new session: a connection that opens twice is back once.
        Map<Long, Double> backByConnection = new LinkedHashMap<>();
        long errors = 0;
        long attempts = 0;
        Map<Long, Long> histogram = new TreeMap<>();
        for (Event e : h.observed()) {
            if (!e.source().equals(client) || e.tMicros() <= t0) {
                continue;
            }
            switch (e.ev()) {
                case "open" -> backByConnection.putIfAbsent(e.num("conn", 0), TimelineQueries.ms(t1, e.tMicros()));
                case "error" -> errors += "connect".equals(e.str("phase")) ? 1 : 0;
                case "reconnect" -> {
                    attempts++;
                    // When the attempt is made: the reconnect event plus its delay.
                    long at = (e.tMicros() - t0) / 1000 + e.num("delay_ms", 0);
                    histogram.merge(Math.floorDiv(at, BUCKET_MS) * BUCKET_MS, 1L, Long::sum);
                }
                default -> {
                }
            }
        }
        List<Double> back = new ArrayList<>(backByConnection.values());
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
        return new Outcome(metrics, obs, judge(back, clients, t));
    }

    static Judgement judge(List<Double> back, int clients, Timings t) {
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
}
