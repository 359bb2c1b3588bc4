package io.wsbed.harness.check;

import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.timeline.Event;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one side (client or server) was told about its session after a stimulus: when, and
 * with which close code, reason or error. Writes the figures and observations every
 * two-sided scenario reports.
 */
record SideReport(String side, Optional<Event> end, Optional<Event> close, Optional<Event> error, long t0) {

    static SideReport of(List<Event> events, String side, String source, String session, long t0) {
        return new SideReport(side, TimelineQueries.firstEnd(events, source, session, t0),
                TimelineQueries.closeOf(events, source, session), TimelineQueries.errorOf(events, source, session), t0);
    }

    /** The same report with an end later than {@code windowMs} after the stimulus treated as none. */
    SideReport within(long windowMs) {
        return end.isPresent() && end.get().tMicros() - t0 > windowMs * 1000
                ? new SideReport(side, Optional.empty(), close, error, t0) : this;
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

    /** Adds {side}_detect_ms to the metrics and {side}_told / close code / reason / error to the observations. */
    void put(Map<String, Object> metrics, Map<String, Object> obs, long windowMs) {
        metrics.put(side + "_detect_ms", detectMs());
        obs.put(side + "_told", end.map(TimelineQueries::told).orElse("nothing within " + windowMs + " ms"));
        obs.put(side + "_close_code", close.map(e -> e.num("code", -1)).orElse(null));
        obs.put(side + "_close_reason", close.map(e -> e.str("reason")).orElse(null));
        obs.put(side + "_error", error.map(e -> TimelineQueries.errorClass(e.str("error"))).orElse(null));
    }

    /** "client after 2003 ms (close 1006)" or "client not told". */
    String describe() {
        return end.map(e -> side + " after " + Millis.format(detectMs()) + " ms (" + TimelineQueries.told(e) + ")")
                .orElse(side + " not told");
    }
}
