package io.wsbed.harness.check;

import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * nginx was reloaded while messages flowed: did the session survive the old worker, and if not,
 * was each side told and did the client come back through the new worker? Reads the
 * {@code fault} mark (with {@code window_ms}) and the {@code reloaded} mark (with {@code took_ms}).
 */
public final class NginxReloadChecker implements Checker {

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        Event fault = h.requireMark("fault");
        long windowMs = fault.num("window_ms", -1);
        long reloadMs = h.requireMark("reloaded").num("took_ms", -1);
        if (windowMs < 0 || reloadMs < 0) {
            throw new HistoryException("the nginx-reload marks have no window_ms or took_ms");
        }
        Connection conn = Connection.atStimulus(h);
        SideReport c = conn.clientSide(h);
        SideReport s = conn.serverSide(h);
        boolean survived = !c.told() && !s.told();
        Optional<Event> reopen = c.end().flatMap(end -> h.firstFrom(conn.client(), "open", end.tMicros()));
        Double reconnectMs = reopen.map(e -> TimelineQueries.ms(c.end().get().tMicros(), e.tMicros())).orElse(null);

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("survived", survived ? 1 : 0);
        metrics.put("reload_ms", reloadMs);
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("survived", survived ? "yes" : "no");
        c.put(metrics, obs, windowMs);
        s.put(metrics, obs, windowMs);
        metrics.put("reconnect_ms", reconnectMs);
        return new Outcome(metrics, obs, judge(c, s, survived, reconnectMs, windowMs));
    }

    static Judgement judge(SideReport c, SideReport s, boolean survived, Double reconnectMs, long windowMs) {
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
