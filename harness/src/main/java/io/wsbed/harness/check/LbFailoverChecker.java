package io.wsbed.harness.check;

import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two instances behind HAProxy, one killed: how long until every client of the killed instance
 * was connected again, where they went, and how the connections were spread before the kill and
 * after the killed instance came back.
 *
 * <p>Which connection was on which instance, from events only: the {@code proxy-ready} mark names
 * the instances in the config's order (first = the one killed and restarted, second = the
 * survivor); an instance's open sessions at a moment are its {@code open} events minus the sessions
 * it reported ended ({@code close}/{@code error}) before then. A client connection (its {@code conn}
 * on {@code open}) was on the killed instance when the session it had open at the kill ended
 * after it; each of those is back at its first {@code open} after its loss. A session that ended
 * beyond the killed instance's count was a survivor's client dropped as well (collateral).
 *
 * <p>Verdicts: FAIL when no client was on the killed instance (nothing failed over) or one of its
 * clients was not back by the end of the observation (the window); DEGRADED when clients of the
 * surviving instance lost their sessions too; PASS otherwise. That the restarted instance gets no
 * connections back is an observation, not a verdict: HAProxy balances new connections only, and
 * a WebSocket stays where it was opened.
 */
public final class LbFailoverChecker implements Checker {

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        long t0 = h.t0();
        String killed = h.requireMark("fault").str("target");
        String[] instances = instances(h);
        String survivor = instances[0].equals(killed) ? instances[1] : instances[0];
        String restarted = h.mark("restart").map(e -> e.str("target")).orElse(null);
        int clients = (int) h.requireMark(History.STAGE).num("connections", -1);
        String client = h.staged("client");
        long until = h.observedUntil();
        List<Event> events = h.observed();

        int onKilled = openSessions(events, killed, t0);
        int onSurvivor = openSessions(events, survivor, t0);

        Map<Long, Long> backAt = connectionsBack(events, client, t0);
        long errors = 0;
        long attempts = 0;
        for (Event e : events) {
            if (e.source().equals(client) && e.tMicros() > t0) {
                errors += e.ev().equals("error") && "connect".equals(e.str("phase")) ? 1 : 0;
                attempts += e.ev().equals("reconnect") ? 1 : 0;
            }
        }
        List<Double> back = new ArrayList<>(backAt.values().stream().filter(b -> b >= 0)
                .map(b -> TimelineQueries.ms(t0, b)).toList());
        back.sort(Double::compare);
        int lost = backAt.size();
        int collateral = Math.max(0, lost - onKilled);
        boolean allBack = onKilled > 0 && back.size() >= Math.max(onKilled, lost);

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("lb_clients", clients);
        metrics.put("on_killed_instance", onKilled);
        metrics.put("all_back_ms", allBack ? back.get(back.size() - 1) : null);
        metrics.put("reconnect_p50_ms", ReconnectStormChecker.percentile(back, 0.50));
        metrics.put("reconnect_p95_ms", ReconnectStormChecker.percentile(back, 0.95));
        metrics.put("reconnect_max_ms", back.isEmpty() ? null : back.get(back.size() - 1));
        metrics.put("moved_to_survivor", opensAfter(events, survivor, t0));
        metrics.put("moved_to_restarted", restarted == null ? 0 : opensAfter(events, restarted, t0));
        metrics.put("balance_before_kill", onKilled + "/" + onSurvivor);
        String after = (restarted == null ? 0 : openSessions(events, restarted, until)) + "/"
                + openSessions(events, survivor, until);
        metrics.put("balance_after_restart", after);
        metrics.put("collateral_closes", collateral);
        metrics.put("connect_errors", errors);
        metrics.put("reconnect_attempts", attempts);

        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("balance_order", "first instance (" + killed + (restarted == null ? "" : ", restarted as " + restarted)
                + ") / second instance (" + survivor + ")");
        if (restarted != null && openSessions(events, restarted, until) == 0) {
            obs.put("restarted_instance", "no connection moved back: HAProxy balances new connections only");
        }
        return new Outcome(metrics, obs, judge(onKilled, back, lost, collateral, after, t));
    }

    /**
     * The client connections that lost their session after {@code t0} (the session they had open at
     * t0 ended after it), each with the time of its next {@code open}, or -1 while it has none yet.
     * Works on live events (absolute times) and on a stored history (times from t0) alike: the
     * {@link io.wsbed.harness.schedule.AwaitFailover} step waits on it, this checker judges by it.
     */
    public static Map<Long, Long> connectionsBack(List<Event> events, String client, long t0) {
        Map<String, Long> connOf = new HashMap<>();
        Set<String> openAtKill = new HashSet<>();
        Map<Long, Long> backAt = new LinkedHashMap<>();
        for (Event e : events) {
            if (!e.source().equals(client) || e.session() == null) {
                continue;
            }
            long conn = e.num("conn", 1);
            if (e.ev().equals("open")) {
                connOf.put(e.session(), conn);
                if (e.tMicros() <= t0) {
                    openAtKill.add(e.session());
                } else if (backAt.getOrDefault(conn, 0L) < 0) {
                    backAt.put(conn, e.tMicros());
                }
            } else if (TimelineQueries.endsSession(e)) {
                if (openAtKill.remove(e.session()) && e.tMicros() > t0) {
                    backAt.putIfAbsent(connOf.getOrDefault(e.session(), conn), -1L);
                }
            }
        }
        return backAt;
    }

    static Judgement judge(int onKilled, List<Double> back, int lost, int collateral, String after, Timings t) {
        if (onKilled == 0) {
            return Judgement.fail("No client was on the killed instance at the kill: nothing failed over.");
        }
        int expected = Math.max(onKilled, lost);
        if (back.size() < expected) {
            return Judgement.fail("Only " + back.size() + " of the " + expected + " clients that lost the killed instance"
                    + " were back when the observation ended (the wait is bounded by the " + t.windowMs() + " ms window).");
        }
        String times = Millis.format(back.get(back.size() - 1)) + " ms after the kill (p50 "
                + Millis.format(ReconnectStormChecker.percentile(back, 0.5)) + " ms, p95 "
                + Millis.format(ReconnectStormChecker.percentile(back, 0.95)) + " ms)";
        if (collateral > 0) {
            return Judgement.degraded(collateral + " client(s) of the surviving instance lost their sessions too;"
                    + " all " + back.size() + " were back " + times + ".");
        }
        return Judgement.pass("All " + onKilled + " clients of the killed instance were back " + times
                + "; balance after the restart " + after + ".");
    }

    /** The instances the proxy-ready mark names, in the config's order. */
    private static String[] instances(History h) {
        String listed = h.marks("proxy-ready").stream().map(e -> e.str("instances")).filter(s -> s != null)
                .findFirst().orElseThrow(() -> new HistoryException("no proxy-ready mark names the instances"));
        String[] all = listed.split(",");
        if (all.length != 2) {
            throw new HistoryException("lb-failover balances two instances; the proxy-ready mark names " + listed);
        }
        return all;
    }

    /** Sessions {@code source} had open at {@code tMicros}: its opens minus the sessions it reported ended by then. */
    public static int openSessions(List<Event> events, String source, long tMicros) {
        Set<String> open = new HashSet<>();
        for (Event e : events) {
            if (!e.source().equals(source) || e.tMicros() > tMicros || e.session() == null) {
                continue;
            }
            if (e.ev().equals("open")) {
                open.add(e.session());
            } else if (TimelineQueries.endsSession(e)) {
                open.remove(e.session());
            }
        }
        return open.size();
    }

    private static long opensAfter(List<Event> events, String source, long t0) {
        return events.stream().filter(e -> e.source().equals(source) && e.ev().equals("open") && e.tMicros() > t0).count();
    }
}
