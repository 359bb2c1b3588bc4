package io.wsbed.harness.check;

import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A healthy connection turned slow for a while: was it wrongly dropped, and did every message
 * sent after the spike began arrive? The {@code fault} mark carries {@code latency_ms} and
 * {@code spike_ms}; a message still in flight when the observation ended is not lost
 * ({@link Delivery}).
 */
public final class LatencySpikeChecker implements Checker {

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        Event fault = h.requireMark("fault");
        long latencyMs = fault.num("latency_ms", -1);
        long spikeMs = fault.num("spike_ms", -1);
        if (latencyMs < 0 || spikeMs < 0) {
            throw new HistoryException("the latency-spike fault mark has no latency_ms or spike_ms");
        }
        Connection conn = Connection.atStimulus(h);
        SideReport c = conn.clientSide(h);
        SideReport s = conn.serverSide(h);
        boolean dropped = c.told() || s.told();
        long lost = conn.lostSinceStimulus(h);
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

    static Judgement judge(SideReport c, SideReport s, boolean dropped, long lost, long latencyMs) {
        if (!dropped) {
            return lost == 0
                    ? Judgement.pass("The slow connection (" + latencyMs + " ms each way) survived and every message arrived.")
                    : Judgement.fail("The connection survived but " + messages(lost) + " reported sent never arrived.");
        }
        return Judgement.degraded("A healthy but slow connection (" + latencyMs + " ms each way) was dropped: "
                + c.describe() + ", " + s.describe() + (lost > 0 ? "; " + messages(lost) + " sent ok never arrived" : "") + ".");
    }

    private static String messages(long n) {
        return n + (n == 1 ? " message" : " messages");
    }
}
