package io.wsbed.harness.check;

import static io.wsbed.harness.metrics.TimelineQueries.errorClass;
import static io.wsbed.harness.metrics.TimelineQueries.firstEnd;
import static io.wsbed.harness.metrics.TimelineQueries.ms;

import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.PeerLoss;
import io.wsbed.harness.verdict.VerdictRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client was killed while the server pushed: when was the server told, what was it told, and
 * how many pushes did it believe sent after the client was gone? Reads the {@code fault} and
 * {@code peer-gone} marks and the server named by the {@code stage} mark.
 */
public final class ClientCrashChecker implements Checker {

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        long t0 = h.t0();
        long gone = h.requireMark("peer-gone").tMicros();
        String server = h.staged("server");
        String ss = h.sessionAt(server, t0);
        List<Event> events = h.observed();
        Optional<Event> end = firstEnd(events, server, ss, t0).filter(e -> e.tMicros() - t0 <= t.windowMs() * 1000);
        Double detect = end.map(e -> ms(t0, e.tMicros())).orElse(null);
        long okAfter = TimelineQueries.okSendsAfter(events, server, ss, t0);
        long okAfterGone = TimelineQueries.okSendsStartedAfter(events, server, ss, gone);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("server_detect_ms", detect);
        metrics.put("sends_ok_after_t0", okAfter);
        metrics.put("sent_ok_after_peer_gone", okAfterGone);
        Map<String, Object> obs = new LinkedHashMap<>();
        Optional<Event> close = TimelineQueries.closeOf(events, server, ss);
        Optional<Event> error = TimelineQueries.errorOf(events, server, ss);
        obs.put("server_told", end.map(TimelineQueries::told).orElse("nothing within " + t.windowMs() + " ms"));
        obs.put("server_close_code", close.map(e -> e.num("code", -1)).orElse(null));
        obs.put("server_close_reason", close.map(e -> e.str("reason")).orElse(null));
        obs.put("server_error", error.map(e -> errorClass(e.str("error"))).orElse(null));
        var judgement = VerdictRules.peerLoss(new PeerLoss("server", detect, t.windowMs(), false, null, okAfterGone,
                Math.max(0, okAfter - okAfterGone), null, close.map(e -> (int) e.num("code", -1)).orElse(null)), t.boundMs());
        return new Outcome(metrics, obs, judgement);
    }
}
