package io.wsbed.harness.check;

import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.TwoSided;
import io.wsbed.harness.verdict.VerdictRules;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * The network between two live peers failed and recovered: did each side notice within the
 * window, how fast did the client come back after the {@code recover} mark, and what was lost?
 * A fault that recovers at a fixed time (proxy-down) counts detection also after the recovery; one
 * that recovers after detection (blackhole, reset) counts only what came before it. With a
 * capture, {@code fault_on_wire_ms} is the first FIN or RST on the cell's connections after the
 * fault and before the recovery and before either side was told: when the fault first acted on
 * the wire.
 */
public final class NetworkFaultChecker implements Checker {
    private final boolean detectAfterRecovery;

    /** @param detectAfterRecovery whether an end after the {@code recover} mark still counts as detection */
    public NetworkFaultChecker(boolean detectAfterRecovery) {
        this.detectAfterRecovery = detectAfterRecovery;
    }

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        Connection conn = Connection.atStimulus(h);
        long t1 = h.requireMark("recover").tMicros();
        long detectUntil = detectAfterRecovery ? Long.MAX_VALUE : t1;
        SideReport c = conn.clientSide(h);
        SideReport s = conn.serverSide(h);
        Double cd = detectedBefore(c, detectUntil, t.windowMs());
        Double sd = detectedBefore(s, detectUntil, t.windowMs());
        long lost = conn.lostSinceStimulus(h);
        Optional<Event> reopen = h.firstFrom(conn.client(), "open", t1);
        Double reconnect = reopen.map(e -> TimelineQueries.ms(t1, e.tMicros())).orElse(null);

        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> obs = new LinkedHashMap<>();
        c.put(metrics, obs, t.windowMs());
        s.put(metrics, obs, t.windowMs());
        metrics.put("client_detect_ms", cd);
        metrics.put("server_detect_ms", sd);
        c.putWire(metrics, obs, cd);
        s.putWire(metrics, obs, sd);
        // Where the fault first acted on the wire: a reset_peer toxic waits for the next data chunk
        // (the server's next tick), so the detection figures include where that tick fell. Only a
        // FIN or RST before either side was told is the fault's own: under a blackhole the first
        // one is a side closing after its heartbeat gave up.
        long until = LongStream.of(t1, h.observedUntil(), endOf(c), endOf(s)).min().getAsLong();
        metrics.put("fault_on_wire_ms", Wire.firstCut(h, conn.t0(), until)
                .map(e -> TimelineQueries.ms(conn.t0(), e.tMicros())).orElse(null));
        metrics.put("reconnect_ms", reconnect);
        metrics.put("silent_loss", lost);
        obs.put("client_detected", cd == null ? "not within " + t.windowMs() + " ms" : "yes");
        obs.put("server_detected", sd == null ? "not within " + t.windowMs() + " ms" : "yes");
        return new Outcome(metrics, obs, VerdictRules.networkFault(new TwoSided(cd, sd, t.windowMs(), reconnect, lost),
                t.boundMs()));
    }

    private static long endOf(SideReport side) {
        return side.end().map(Event::tMicros).orElse(Long.MAX_VALUE);
    }

    private static Double detectedBefore(SideReport side, long untilMicros, long windowMs) {
        if (side.end().isEmpty() || side.end().get().tMicros() >= untilMicros) {
            return null;
        }
        Double ms = side.detectMs();
        return ms != null && ms <= windowMs ? ms : null;
    }
}
