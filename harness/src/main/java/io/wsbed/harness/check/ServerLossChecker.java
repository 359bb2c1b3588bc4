package io.wsbed.harness.check;

import static io.wsbed.harness.metrics.TimelineQueries.ms;
import static io.wsbed.harness.metrics.TimelineQueries.reconnectAttempts;

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
 * The server went away (killed, or stopped gracefully) and came back on the same port: when was
 * the client told and with what, how fast did it come back, what was lost, how long did its
 * stream of pushes stop?
 *
 * <p>Reads: the {@code stage} and {@code fault} marks, {@code peer-gone} (with
 * {@code exited}), {@code restart} (its target is the new server) and that server's ready event.
 */
public final class ServerLossChecker implements Checker {
    private final boolean graceful;
    private final boolean reconnectExpected;

    /**
     * @param graceful the server was asked to stop (it should close sessions with 1001)
     * @param reconnectExpected the client reconnects (false: detection alone)
     */
    public ServerLossChecker(boolean graceful, boolean reconnectExpected) {
        this.graceful = graceful;
        this.reconnectExpected = reconnectExpected;
    }

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        Connection conn = Connection.atStimulus(h);
        long t0 = conn.t0();
        String client = conn.client();
        String cs = conn.clientSession();
        Event goneMark = h.requireMark("peer-gone");
        long gone = goneMark.tMicros();
        Event restart = h.requireMark("restart");
        long t1 = h.readyOf(restart.str("target")).tMicros();
        List<Event> events = h.observed();
        Optional<Event> reopen = h.firstFrom(client, "open", t0);
        SideReport c = conn.clientSide(h).within(t.windowMs());
        Double detect = c.detectMs();
        Double reconnectMs = reopen.map(e -> ms(t1, e.tMicros())).orElse(null);
        long attempts = reconnectAttempts(events, client, t0, reopen.map(Event::tMicros).orElse(Long.MAX_VALUE));
        long lostToClient = Delivery.lost(h, conn.server(), conn.serverSession(), client, cs);
        long lostToServer = Delivery.lost(h, client, cs, conn.server(), conn.serverSession());
        long okAfterGone = TimelineQueries.okSendsStartedAfter(events, client, cs, gone);

        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> obs = new LinkedHashMap<>();
        c.put(metrics, obs, t.windowMs());
        metrics.put("server_restart_ms", ms(restart.tMicros(), t1));
        metrics.put("reconnect_ms", reconnectMs);
        metrics.put("reconnect_attempts", attempts);
        metrics.put("silent_loss", lostToClient + lostToServer);
        metrics.put("silent_loss_to_client", lostToClient);
        metrics.put("silent_loss_to_server", lostToServer);
        metrics.put("sent_ok_after_peer_gone", okAfterGone);
        Double gap = streamGap(events, client, t0, reopen);
        metrics.put("stream_gap_ms", gap);
        metrics.put("missed_pushes", gap == null ? null : Math.max(0, Math.round(gap / t.tickMs()) - 1));

        if (graceful) {
            obs.put("server_exited_after_stop", goneMark.flag("exited"));
            obs.put("server_stopped_event", events.stream().anyMatch(e -> e.source().equals(conn.server())
                    && e.ev().equals("stopped")));
        }
        var judgement = VerdictRules.peerLoss(new PeerLoss("client", detect, t.windowMs(), reconnectExpected, reconnectMs,
                okAfterGone, Math.max(0, lostToClient + lostToServer - okAfterGone), graceful ? 1001 : null, c.closeCode()),
                t.boundMs());
        return new Outcome(metrics, obs, judgement);
    }

    /**
     * How long the client's numbered stream stopped: from its last push received before the
     * fault to its first push after it reconnected (null when it never came back or no push has
     * arrived yet). At one push per tick, that gap is the messages a live feed never delivered.
     */
    static Double streamGap(List<Event> events, String client, long t0, Optional<Event> reopen) {
        if (reopen.isEmpty()) {
            return null;
        }
        Optional<Event> last = events.stream().filter(e -> e.source().equals(client) && TimelineQueries.socketRecv(e)
                && e.tMicros() < t0).reduce((a, b) -> b);
        Optional<Event> next = events.stream().filter(e -> e.source().equals(client) && TimelineQueries.socketRecv(e)
                && e.tMicros() > reopen.get().tMicros()).findFirst();
        return last.isPresent() && next.isPresent() ? ms(last.get().tMicros(), next.get().tMicros()) : null;
    }
}
