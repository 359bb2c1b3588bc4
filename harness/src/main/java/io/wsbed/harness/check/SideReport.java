package io.wsbed.harness.check;

import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.timeline.Event;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one side (client or server) was told about its session after a stimulus: when, and
 * with which close code, reason or error; and, with a capture, what reached its socket first
 * (see {@link Wire}). Writes the figures and observations every two-sided scenario reports.
 */
record SideReport(String side, Optional<Event> end, Optional<Event> close, Optional<Event> error, long t0,
                  Wire.Reached wire) {

    /** The report of {@code source}'s session in the observed events, with figures counted from {@code t0}. */
    static SideReport of(History h, String side, String source, String session, long t0) {
        List<Event> events = h.observed();
        return new SideReport(side, TimelineQueries.firstEnd(events, source, session, t0),
                TimelineQueries.closeOf(events, source, session), TimelineQueries.errorOf(events, source, session), t0,
                Wire.reached(h, side, source, session, t0));
    }

    /** The same report with an end later than {@code windowMs} after the stimulus treated as none. */
    SideReport within(long windowMs) {
        return end.isPresent() && end.get().tMicros() - t0 > windowMs * 1000
                ? new SideReport(side, Optional.empty(), close, error, t0, wire) : this;
    }

    /** The close code the side saw, or null when it saw an error or nothing. */
    Integer closeCode() {
        return close.map(e -> (int) e.num("code", -1)).orElse(null);
    }

    boolean told() {
        return end.isPresent();
    }

    Double detectMs() {
        return end.map(e -> TimelineQueries.ms(t0, e.tMicros())).orElse(null);
    }

    /** When the first FIN, RST or Close frame reached the side's socket, or null (no capture, or none). */
    Double wireMs() {
        return wire.end().map(e -> TimelineQueries.ms(t0, e.tMicros())).orElse(null);
    }

    /**
     * The stack's own share of a detection at {@code detectMs}: from the first FIN, RST or Close
     * at its socket to the application. Null without a capture, and when the side was told before
     * anything reached its socket (its own timer told it: nothing to react to).
     */
    Double reactionMs(Double detectMs) {
        Double wireMs = wireMs();
        if (detectMs == null || wireMs == null || detectMs < wireMs) {
            return null;
        }
        return Math.round((detectMs - wireMs) * 10) / 10.0;
    }

    /** Adds {side}_detect_ms to the metrics and {side}_told / close code / reason / error to the observations. */
    void put(Map<String, Object> metrics, Map<String, Object> obs, long windowMs) {
        metrics.put(side + "_detect_ms", detectMs());
        putWire(metrics, obs, detectMs());
        obs.put(side + "_told", end.map(TimelineQueries::told).orElse("nothing within " + windowMs + " ms"));
        obs.put(side + "_close_code", close.map(e -> e.num("code", -1)).orElse(null));
        obs.put(side + "_close_reason", close.map(e -> e.str("reason")).orElse(null));
        obs.put(side + "_error", error.map(e -> TimelineQueries.errorClass(e.str("error"))).orElse(null));
    }

    /**
     * Adds {side}_wire_ms and {side}_reaction_ms (against a detection figure of the checker's
     * choosing) and the observation {side}_wire: what reached the socket first.
     */
    void putWire(Map<String, Object> metrics, Map<String, Object> obs, Double detectMs) {
        metrics.put(side + "_wire_ms", wireMs());
        metrics.put(side + "_reaction_ms", reactionMs(detectMs));
        obs.put(side + "_wire", wireSaw(detectMs));
    }

    private String wireSaw(Double detectMs) {
        if (!wire.captured()) {
            return null;
        }
        if (wire.socket().isEmpty()) {
            return "its connection is not in the capture";
        }
        if (wire.end().isEmpty()) {
            return "no FIN, RST or Close reached its socket";
        }
        String first = Wire.describe(wire.end().get());
        return detectMs != null && detectMs < wireMs() ? first + ", after the application was told" : first;
    }

    /** "client after 2003 ms (close 1006)" or "client not told". */
    String describe() {
        return end.map(e -> side + " after " + Millis.format(detectMs()) + " ms (" + TimelineQueries.told(e) + ")")
                .orElse(side + " not told");
    }
}
