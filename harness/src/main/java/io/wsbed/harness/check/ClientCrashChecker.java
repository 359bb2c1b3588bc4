package io.wsbed.harness.check;

import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.PeerLoss;
import io.wsbed.harness.verdict.VerdictRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client was killed while the server pushed: when was the server told, what was it told, and
 * how many pushes did it believe sent after the client was gone? Reads the {@code fault} and
 * {@code peer-gone} marks and the server named by the {@code stage} mark.
 */
public final class ClientCrashChecker implements Checker {

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        Connection conn = Connection.atStimulus(h);
        long gone = h.requireMark("peer-gone").tMicros();
        SideReport s = conn.serverSide(h).within(t.windowMs());
        List<Event> events = h.observed();
        long okAfter = TimelineQueries.okSendsAfter(events, conn.server(), conn.serverSession(), conn.t0());
        long okAfterGone = TimelineQueries.okSendsStartedAfter(events, conn.server(), conn.serverSession(), gone);
        long lost = Delivery.lost(h, conn.server(), conn.serverSession(), conn.client(), conn.clientSession(), conn.t0());
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> obs = new LinkedHashMap<>();
        s.put(metrics, obs, t.windowMs());
        metrics.put("sends_ok_after_t0", okAfter);
        metrics.put("sent_ok_after_peer_gone", okAfterGone);
        var judgement = VerdictRules.peerLoss(new PeerLoss("server", s.detectMs(), t.windowMs(), false, null, okAfterGone,
                Math.max(0, lost - okAfterGone), null, s.closeCode()), t.boundMs());
        return new Outcome(metrics, obs, judgement);
    }
}
