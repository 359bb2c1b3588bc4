package io.wsbed.harness.check;

import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.schedule.Side;
import io.wsbed.harness.verdict.Judgement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A direct connection carried no messages while one side's stack had its own idle timeout
 * ({@code idle_timeout_ms} of the {@code fault} mark, which sits at the end of the handshake):
 * which close code did each side get, and how long after the open? In the heartbeat profile,
 * did the pings and pongs count as activity and keep the session open for the window?
 *
 * <p>Verdicts. PASS: the timeout closed the quiet session within the window with a close code the
 * peer received (default profile), or the session stayed open while pings flowed (heartbeat; the
 * default-profile cell of the same stack says whether the timeout acts at all).
 * DEGRADED: no idle timeout acted within the window (default profile: the option had no effect);
 * the session was closed without a close code reaching the peer (1006, an error); only one side
 * was told; the timeout fired before it was due; or it closed a session whose pings flowed
 * (heartbeat: pings do not count as activity).
 */
public final class StackIdleChecker implements Checker {
    /** How much sooner than the timeout a close may come (timer granularity) and still be the timeout's. */
    static final long EARLY_MS = 100;
    private final Side owner;

    /** @param owner the side whose stack had the idle timeout */
    public StackIdleChecker(Side owner) {
        this.owner = owner;
    }

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        var fault = h.requireMark("fault");
        long idleMs = fault.num("idle_timeout_ms", t.stackIdleTimeoutMs());
        long windowMs = fault.num("window_ms", idleMs + t.boundMs());
        Connection conn = Connection.atStimulus(h);
        SideReport c = conn.clientSide(h).within(windowMs);
        SideReport s = conn.serverSide(h).within(windowMs);
        SideReport own = owner == Side.CLIENT ? c : s;
        SideReport peer = owner == Side.CLIENT ? s : c;
        boolean keptOpen = !c.told() && !s.told();
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> obs = new LinkedHashMap<>();
        metrics.put("kept_open", keptOpen ? 1 : 0);
        c.put(metrics, obs, windowMs);
        s.put(metrics, obs, windowMs);
        obs.put("idle_timeout_on", owner.id());
        obs.put("kept_open", keptOpen ? "yes" : "no");
        return new Outcome(metrics, obs, judge(cell.profile(), own, peer, keptOpen, idleMs, windowMs));
    }

    static Judgement judge(Profile profile, SideReport own, SideReport peer, boolean keptOpen, long idleMs,
                           long windowMs) {
        boolean pinged = profile == Profile.HEARTBEAT;
        String whose = "the " + own.side() + " stack's " + idleMs + " ms idle timeout";
        if (keptOpen) {
            return pinged
                    ? Judgement.pass("The session stayed open for " + windowMs + " ms while pings flowed, with " + whose
                            + " set: pings and pongs count as activity where the timeout acts (the default-profile cell"
                            + " says whether it does).")
                    : Judgement.degraded("No idle timeout acted within " + windowMs + " ms: the quiet session stayed"
                            + " open with " + whose + " set.");
        }
        String who = peer.describe() + ", " + own.describe();
        if (pinged) {
            return Judgement.degraded("Pings do not count as activity: " + whose + " closed a session whose pings"
                    + " flowed; " + who + ".");
        }
        if (!own.told() || !peer.told()) {
            return Judgement.degraded("Only one side was told the quiet session ended: " + who + ".");
        }
        double first = Math.min(own.detectMs(), peer.detectMs());
        if (first < idleMs - EARLY_MS) {
            return Judgement.degraded("The quiet session ended before " + whose + " was due: " + who + ".");
        }
        Integer code = peer.closeCode();
        if (code == null || code == 1006 || code < 0) {
            return Judgement.degraded(capital(whose) + " closed the quiet session but no close code reached the "
                    + peer.side() + ": " + who + ".");
        }
        return Judgement.pass(capital(whose) + " closed the quiet session and the " + peer.side() + " got close "
                + code + ": " + who + ".");
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
