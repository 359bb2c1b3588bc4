package io.wsbed.harness.check;

import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.schedule.Side;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One side was held with SIGSTOP between the {@code fault} (kind freeze) and {@code recover}
 * (kind thaw) marks while messages flowed both ways: did the watching side notice, when and with
 * what; was the session alive after the thaw (numbered messages received on the same session by
 * both sides after the thaw, and neither side told it ended); and which messages sent before the
 * freeze never arrived?
 *
 * <p>Verdicts. The freeze is longer than the heartbeat deadline, and the peer comes back: cutting
 * the session is what a heartbeat is for, and what it costs.
 * <ul>
 * <li>PASS, default profile: nothing noticed (the expected default behaviour) and the session
 *     resumed with nothing lost.</li>
 * <li>PASS, heartbeat profile: the watching side cut the session before the thaw and the frozen
 *     side was told after it. The reason names the cost: a peer that came back lost its session.</li>
 * <li>DEGRADED, heartbeat profile: the heartbeat did not cut the session before the thaw (it
 *     resumed, or was cut only on the thaw).</li>
 * <li>DEGRADED, default profile: the stack's defaults cut a session whose peer came back.</li>
 * <li>DEGRADED: only one side was told the session ended (half-open after the thaw).</li>
 * <li>FAIL: the session neither ended nor carried messages after the thaw, or it resumed but
 *     messages reported sent (before the freeze or from it on) never arrived.</li>
 * </ul>
 * Messages the watching side reported sent during the freeze and that never arrived because the
 * session was cut are named in every reason ({@code silent_loss}): the price of the cut.
 */
public final class FrozenPeerChecker implements Checker {
    private final Side frozen;

    /** @param frozen the side the schedule froze */
    public FrozenPeerChecker(Side frozen) {
        this.frozen = frozen;
    }

    private Side watcher() {
        return frozen == Side.SERVER ? Side.CLIENT : Side.SERVER;
    }

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        Connection conn = Connection.atStimulus(h);
        long thaw = h.requireMark("recover").tMicros();
        SideReport c = conn.clientSide(h);
        SideReport s = conn.serverSide(h);
        SideReport watching = watcher() == Side.CLIENT ? c : s;
        SideReport held = frozen == Side.CLIENT ? c : s;
        long clientRecv = receivedAfter(h, conn.client(), conn.clientSession(), thaw);
        long serverRecv = receivedAfter(h, conn.server(), conn.serverSession(), thaw);
        boolean resumed = !c.told() && !s.told() && clientRecv > 0 && serverRecv > 0;
        long lostAll = Delivery.lost(h, conn.server(), conn.serverSession(), conn.client(), conn.clientSession())
                + Delivery.lost(h, conn.client(), conn.clientSession(), conn.server(), conn.serverSession());
        long lostSince = conn.lostSinceStimulus(h);
        long lostBefore = lostAll - lostSince;

        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> obs = new LinkedHashMap<>();
        c.put(metrics, obs, t.windowMs());
        s.put(metrics, obs, t.windowMs());
        metrics.put("resumed", resumed ? 1 : 0);
        metrics.put("frozen_told_after_thaw_ms", held.end().map(e -> TimelineQueries.ms(thaw, e.tMicros())).orElse(null));
        metrics.put("recv_after_thaw", clientRecv + serverRecv);
        metrics.put("lost_before_freeze", lostBefore);
        metrics.put("silent_loss", lostSince);
        obs.put("frozen", frozen.id());
        obs.put("resumed", resumed ? "yes" : "no");
        obs.put("cut_by", cutBy(watching, held, thaw));
        return new Outcome(metrics, obs, judge(cell.profile(), watching, held, thaw, resumed, lostBefore, lostSince, t));
    }

    /** Who ended the session first: the watching side before the thaw, or a side on the thaw. */
    private static String cutBy(SideReport watching, SideReport held, long thaw) {
        Optional<Event> first = earlier(watching.end(), held.end());
        if (first.isEmpty()) {
            return null;
        }
        if (first.get().tMicros() < thaw) {
            return watching.side() + " during the freeze";
        }
        return (first == held.end() ? held.side() : watching.side()) + " after the thaw";
    }

    private static Optional<Event> earlier(Optional<Event> a, Optional<Event> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return b.get().tMicros() < a.get().tMicros() ? b : a;
    }

    private static long receivedAfter(History h, String source, String session, long fromMicros) {
        long until = h.observedUntil();
        return h.events().stream().filter(e -> e.source().equals(source) && e.ev().equals("recv")
                && session.equals(e.session()) && e.tMicros() > fromMicros && e.tMicros() <= until).count();
    }

    static Judgement judge(Profile profile, SideReport watching, SideReport held, long thaw, boolean resumed,
                           long lostBefore, long lostSince, Timings t) {
        long freezeMs = Math.round((thaw - watching.t0()) / 1000.0);
        String lost = (lostBefore > 0 ? "; " + lostBefore + " message" + (lostBefore == 1 ? "" : "s")
                + " sent before the freeze never arrived" : "")
                + (lostSince > 0 ? "; " + lostSince + " message" + (lostSince == 1 ? "" : "s")
                + " reported sent from the freeze on never arrived" : "");
        if (resumed) {
            if (lostBefore > 0 || lostSince > 0) {
                return Judgement.fail("The session resumed after the " + freezeMs + " ms freeze" + lost + ".");
            }
            if (profile == Profile.HEARTBEAT) {
                return Judgement.degraded("The heartbeat did not notice a " + freezeMs + " ms freeze (deadline "
                        + t.heartbeatTimeoutMs() + " ms); the session resumed after the thaw.");
            }
            return Judgement.pass("Nothing noticed the " + freezeMs + " ms freeze, as expected without a heartbeat;"
                    + " the session resumed after the thaw with nothing lost.");
        }
        if (!watching.told() && !held.told()) {
            return Judgement.fail("After the " + freezeMs + " ms freeze the session neither ended nor carried"
                    + " messages both ways: silently dead" + lost + ".");
        }
        String who = watching.describe() + ", " + held.describe();
        if (!watching.told() || !held.told()) {
            return Judgement.degraded("Only one side was told the session ended: " + who
                    + "; the other kept a dead session after the thaw" + lost + ".");
        }
        boolean duringFreeze = watching.end().get().tMicros() < thaw;
        if (profile == Profile.HEARTBEAT) {
            if (!duringFreeze) {
                return Judgement.degraded("The heartbeat did not cut the frozen peer during the " + freezeMs
                        + " ms freeze (deadline " + t.heartbeatTimeoutMs() + " ms); the session ended only after the thaw: "
                        + who + lost + ".");
            }
            return Judgement.pass("The heartbeat cut the frozen peer during the freeze and both sides were told: " + who
                    + ". The peer came back after " + freezeMs + " ms: a pause longer than the deadline costs the session"
                    + lost + ".");
        }
        return Judgement.degraded("The stack's defaults cut a session whose peer came back after a " + freezeMs
                + " ms freeze: " + who + lost + ".");
    }
}
