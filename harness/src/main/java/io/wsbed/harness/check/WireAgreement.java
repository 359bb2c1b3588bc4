package io.wsbed.harness.check;

import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The detection figures checked against an observer the harness did not write: the packet
 * capture. Applied by {@link CellCheck} after the checker, to every side whose figures the checker
 * reported with a wire figure ({@code <side>_wire_ms}), in every cell whose capture is complete.
 * A disagreement means the harness broke (a figure from the wrong session or clock, a capture of
 * the wrong connection), so the cell becomes an ERROR with both times in the reason.
 *
 * <ul>
 *   <li>A detection the wire cannot explain: the side's application was told at E, but no FIN, RST
 *   or Close frame had reached its socket by then, and bytes had reached it less than
 *   {@link #silenceMs(Timings)} before E. A detection with nothing on the wire is a timer's (a
 *   heartbeat or idle timeout), and a timer fires only after a silence: the shortest here, a pong
 *   deadline, waits a whole ping interval. Where the capture lost the track of the frames to the
 *   socket before E, a Close may have reached it unseen, and nothing is claimed.</li>
 *   <li>A FIN or RST that reached the side's socket at W while the figure says the side was told,
 *   but the side's application recorded no end of that session from the stimulus until a window
 *   after W: the figure came from elsewhere.</li>
 *   <li>A complete capture with no handshake of the side's connection before its open: the socket
 *   the figures speak of is not in the capture.</li>
 * </ul>
 * A side whose stack reports transports (socket.io) is not cross-checked: its session spans
 * several connections. On a TLS leg (the wss path's client) a detection is never called
 * unexplained: a Close frame or a TLS close_notify may be inside any record that reached it.
 */
final class WireAgreement {
    private static final List<String> SIDES = List.of("client", "server");

    /**
     * How far a stack's own clock may run ahead of the capture's: a browser stamps its events with
     * its page clock (performance.timeOrigin + now()), which Firefox coarsens to a millisecond and
     * jitters. A detection this close before the FIN is the FIN's, told by a coarser clock.
     */
    static final long CLOCK_SLACK_US = 2_000;

    private WireAgreement() {
    }

    /** How long nothing may reach a socket before a detection that nothing on the wire explains: half a ping interval. */
    static long silenceMs(Timings t) {
        return t.heartbeatMs() / 2;
    }

    /** Why the figures disagree with the capture, or empty when they agree (or there is nothing to check). */
    static Optional<String> disagreement(History h, Outcome o, Timings t) {
        if (!Wire.complete(h)) {
            return Optional.empty();
        }
        for (String side : SIDES) {
            if (o.metrics().containsKey(side + "_wire_ms") && o.metrics().get(side + "_detect_ms") instanceof Number) {
                Optional<String> problem = check(h, side, t);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> check(History h, String side, Timings t) {
        long t0 = h.t0();
        String source = h.staged(side);
        if (h.events().stream().anyMatch(e -> e.source().equals(source) && e.ev().equals("transport"))) {
            // A session that rides on transports (socket.io: HTTP polling requests, then a WebSocket)
            // spans several connections: the capture cannot say which one the detection speaks of.
            return Optional.empty();
        }
        String session = h.sessionAt(source, t0);
        Optional<Wire.Socket> socket = side.equals("client") ? Wire.clientSocket(h, source, session)
                : Wire.serverSocket(h, source, session);
        if (socket.isEmpty()) {
            return Optional.of("the capture is complete but shows no handshake of the " + side
                    + "'s connection before its open of session " + session);
        }
        Optional<Event> told = TimelineQueries.firstEnd(h.observed(), source, session, t0);
        Optional<Event> wire = Wire.firstEnd(h, socket.get(), t0);
        if (wire.isPresent() && !wire.get().ev().equals(io.wsbed.harness.wire.WireLane.CLOSE_FRAME)
                && told.map(e -> e.tMicros() > wire.get().tMicros() + t.windowMs() * 1000).orElse(true)) {
            return Optional.of("a " + Wire.describe(wire.get()) + " reached the " + side + "'s socket at "
                    + at(t0, wire.get()) + " but its application recorded no end of session " + session
                    + " within the " + t.windowMs() + " ms window after it"
                    + told.map(e -> " (first at " + at(t0, e) + ")").orElse("") + ", yet its detection figure says it was told");
        }
        if (told.isEmpty() || wire.isPresent() && wire.get().tMicros() <= told.get().tMicros() + CLOCK_SLACK_US
                || Wire.trackLost(h, socket.get(), told.get().tMicros()) || Wire.encrypted(h, socket.get())) {
            return Optional.empty();
        }
        long e = told.get().tMicros();
        OptionalLong last = Wire.lastPayload(h, socket.get(), e);
        if (last.isPresent() && e - last.getAsLong() < silenceMs(t) * 1000) {
            return Optional.of("the " + side + " was told at " + at(t0, told.get()) + " (" + TimelineQueries.told(told.get())
                    + ") but no FIN, RST or Close had reached its socket by then ("
                    + wire.map(w -> "the first " + Wire.describe(w) + " at " + at(t0, w)).orElse("none within the observation")
                    + "), and bytes reached it only " + Millis.format(TimelineQueries.ms(last.getAsLong(), e))
                    + " ms before: nothing on the wire explains the detection");
        }
        return Optional.empty();
    }

    private static String at(long t0, Event e) {
        return Millis.format(TimelineQueries.ms(t0, e.tMicros())) + " ms";
    }
}
