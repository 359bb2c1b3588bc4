package io.wsbed.harness.check;

import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection through nginx carried no messages for a while ({@code window_ms} of the
 * {@code fault} mark, which sits at the end of the handshake): did it survive, and if nginx cut
 * it, was each side told, and in time?
 */
public final class NginxIdleChecker implements Checker {
    private final String pings;
    private final boolean pingsInEveryProfile;

    /**
     * @param pings who pinged, as the report names it ("profile", "server-only", "client-only")
     * @param pingsInEveryProfile whether a side pinged whatever the profile (false: only in heartbeat)
     */
    public NginxIdleChecker(String pings, boolean pingsInEveryProfile) {
        this.pings = pings;
        this.pingsInEveryProfile = pingsInEveryProfile;
    }

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        Event fault = h.requireMark("fault");
        long windowMs = fault.num("window_ms", 3 * t.nginxReadTimeoutMs());
        Connection conn = Connection.atStimulus(h);
        SideReport c = conn.clientSide(h);
        SideReport s = conn.serverSide(h);
        boolean survived = !c.told() && !s.told();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("survived", survived ? 1 : 0);
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("survived", survived ? "yes" : "no");
        obs.put("pings", pings);
        c.put(metrics, obs, windowMs);
        s.put(metrics, obs, windowMs);
        boolean pinged = pingsInEveryProfile || cell.profile() == Profile.HEARTBEAT;
        return new Outcome(metrics, obs, judge(c, s, survived, pinged, windowMs, t));
    }

    static Judgement judge(SideReport c, SideReport s, boolean survived, boolean pinged, long windowMs, Timings t) {
        if (survived) {
            return Judgement.pass("The connection survived " + windowMs + " ms of no messages"
                    + (pinged ? ": the pings kept nginx's read timer from firing." : "."));
        }
        String who = c.describe() + ", " + s.describe();
        if (!c.told() || !s.told()) {
            return Judgement.degraded("nginx cut the connection but only one side was told: " + who + ".");
        }
        long latest = Math.round(Math.max(c.detectMs(), s.detectMs()));
        if (pinged) {
            return Judgement.degraded("nginx cut the connection although pings flowed; " + who + ".");
        }
        if (latest > t.nginxReadTimeoutMs() + t.boundMs()) {
            return Judgement.degraded("nginx cut the quiet connection but a side was told late: " + who + ".");
        }
        return Judgement.pass("nginx cut the quiet connection and both sides were told: " + who + ".");
    }
}
