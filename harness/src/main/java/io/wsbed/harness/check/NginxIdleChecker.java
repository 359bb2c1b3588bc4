package io.wsbed.harness.check;

import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A connection through nginx carried no messages for a while ({@code window_ms} of the
 * {@code fault} mark, which sits at the end of the handshake): did it survive, and if nginx cut
 * it, was each side told, and in time? With a capture the figures count from the last byte on the
 * wire before the cut ({@code last_byte_wire_ms}, from the fault mark), where nginx's timer starts.
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
        OptionalLong lastByte = lastByteBeforeTheCut(h, conn.t0());
        long from = lastByte.orElse(conn.t0());
        SideReport c = conn.clientSide(h, from);
        SideReport s = conn.serverSide(h, from);
        boolean survived = !c.told() && !s.told();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("survived", survived ? 1 : 0);
        metrics.put("last_byte_wire_ms", lastByte.isPresent() ? TimelineQueries.ms(conn.t0(), from) : null);
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("survived", survived ? "yes" : "no");
        obs.put("pings", pings);
        obs.put("figures_from", lastByte.isPresent() ? "the last byte on the wire before the cut"
                : "the later open callback (the handshake)");
        c.put(metrics, obs, windowMs);
        s.put(metrics, obs, windowMs);
        boolean pinged = pingsInEveryProfile || cell.profile() == Profile.HEARTBEAT;
        return new Outcome(metrics, obs, judge(c, s, survived, pinged, windowMs, t));
    }

    /**
     * With a capture, when any of the cell's connections last carried a byte before the first FIN or
     * RST on them within the observation: nginx's proxy_read_timeout runs from that byte, while the
     * {@code fault} mark sits at the later open callback, which may come tens of ms after it (issue
     * 18). Empty without a capture or a cut.
     */
    private static OptionalLong lastByteBeforeTheCut(History h, long t0) {
        if (!Wire.captured(h)) {
            return OptionalLong.empty();
        }
        return Wire.firstCut(h, t0, h.observedUntil() + 1).map(cut -> Wire.lastPayload(h, cut.tMicros()))
                .orElse(OptionalLong.empty());
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
