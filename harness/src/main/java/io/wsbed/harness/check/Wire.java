package io.wsbed.harness.check;

import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.wire.WireLane;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code wire} lane as the checkers read it: which connection in the capture was a side's
 * socket, and what reached that socket when. Pure like every checker: it reads the stored
 * history only.
 *
 * <p>Which socket is a side's. The client's own port is in none of its events, so its connection
 * is found by its handshake: among the connections to the cell's entry port (the proxy's port
 * from the {@code proxy-ready} mark, else the server's {@code ready} port), the one whose HTTP
 * 101 response reached the client last before the client's {@code open} of the session. A
 * stack's open callback follows the 101 it read, and in these scenarios no other client connects
 * to that port meanwhile. The server's socket is the connection to the server's port whose
 * upgrade request reached it last before the server's {@code open} of its session (on a proxied
 * path, the proxy's upstream leg).
 */
public final class Wire {
    /** The harness mark a cell with a capture has, at the moment the capture began. */
    public static final String CAPTURE = "capture";
    /** The mark's field: every packet of the cell is in the capture (none dropped, the packet cap not reached). */
    public static final String COMPLETE = "complete";
    /** What ends a connection for the side it reaches: a FIN, an RST or a WebSocket Close frame. */
    static final Set<String> ENDS = Set.of(WireLane.FIN, WireLane.RST, WireLane.CLOSE_FRAME);
    /** Wire events that carry bytes of payload: where the connection was last active. */
    private static final Set<String> PAYLOAD = Set.of(WireLane.UPGRADE, WireLane.CLOSE_FRAME, WireLane.PING,
            WireLane.PONG, WireLane.DATA);

    private Wire() {
    }

    /**
     * One side's end of a connection: packets from {@code peer} to {@code port} reach its socket.
     *
     * @param port the side's own port
     * @param peer the port at the other end (the server, or the proxy in between)
     */
    record Socket(int port, int peer) {
        boolean inbound(Event e) {
            return e.source().equals(WireLane.SOURCE) && e.num("to", -1) == port && e.num("from", -1) == peer;
        }
    }

    /**
     * What reached one side's socket from a moment on, as far as the capture tells.
     *
     * @param captured whether the cell was captured at all
     * @param socket the side's socket, when the capture shows its handshake
     * @param end the first FIN, RST or Close frame that reached it, up to the end of observation
     */
    record Reached(boolean captured, Optional<Socket> socket, Optional<Event> end) {
        static final Reached NOT_CAPTURED = new Reached(false, Optional.empty(), Optional.empty());
    }

    /**
     * What reached the socket of {@code source}'s session ({@code side} "client" or "server") at or
     * after {@code fromMicros}.
     */
    static Reached reached(History h, String side, String source, String session, long fromMicros) {
        if (!captured(h)) {
            return Reached.NOT_CAPTURED;
        }
        Optional<Socket> socket = side.equals("client") ? clientSocket(h, source, session)
                : serverSocket(h, source, session);
        return new Reached(true, socket, socket.flatMap(s -> firstEnd(h, s, fromMicros)));
    }

    /** Whether the cell was captured (its history has the {@code capture} mark). */
    static boolean captured(History h) {
        return h.mark(CAPTURE).isPresent();
    }

    /** Whether the cell was captured and the capture holds every packet. */
    static boolean complete(History h) {
        return h.mark(CAPTURE).map(m -> m.flag(COMPLETE)).orElse(false);
    }

    /** The port the cell's client connects to: the proxy's, or on the direct path the staged server's. */
    static int entryPort(History h) {
        return h.mark("proxy-ready").map(Wire::proxyPort).orElseGet(() -> serverPort(h));
    }

    private static int proxyPort(Event mark) {
        String listen = mark.str("listen");
        if (listen != null && listen.lastIndexOf(':') >= 0) {
            return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
        }
        return (int) mark.num("port", -1);
    }

    static int serverPort(History h) {
        return (int) h.readyOf(h.staged("server")).num("port", -1);
    }

    /** The client's socket of {@code session}: the connection whose 101 reached it last before its open. */
    static Optional<Socket> clientSocket(History h, String client, String session) {
        int entry = entryPort(h);
        return openOf(h, client, session).flatMap(open -> lastUpgradeBefore(h, open, e -> e.num("from", -1) == entry))
                .map(u -> new Socket((int) u.num("to", -1), entry));
    }

    /** The server's socket of {@code session}: the connection whose upgrade request reached it last before its open. */
    static Optional<Socket> serverSocket(History h, String server, String session) {
        int port = serverPort(h);
        return openOf(h, server, session).flatMap(open -> lastUpgradeBefore(h, open, e -> e.num("to", -1) == port))
                .map(u -> new Socket(port, (int) u.num("from", -1)));
    }

    private static Optional<Event> openOf(History h, String source, String session) {
        return h.first(e -> e.source().equals(source) && e.ev().equals("open") && session.equals(e.session()));
    }

    private static Optional<Event> lastUpgradeBefore(History h, Event open, java.util.function.Predicate<Event> leg) {
        return h.events().stream()
                .filter(e -> e.source().equals(WireLane.SOURCE) && e.ev().equals(WireLane.UPGRADE))
                .filter(e -> e.tMicros() <= open.tMicros() && leg.test(e))
                .reduce((a, b) -> b);
    }

    /** The first FIN, RST or Close frame that reached the socket at or after {@code fromMicros}, up to the end of observation. */
    static Optional<Event> firstEnd(History h, Socket socket, long fromMicros) {
        return h.observed().stream()
                .filter(e -> socket.inbound(e) && ENDS.contains(e.ev()) && e.tMicros() >= fromMicros)
                .findFirst();
    }

    /** When bytes of payload last reached the socket before {@code beforeMicros}, if ever. */
    static java.util.OptionalLong lastPayload(History h, Socket socket, long beforeMicros) {
        return lastPayload(h.events().stream().filter(socket::inbound).toList(), beforeMicros);
    }

    /** Whether the capture lost the track of the frames to the socket before {@code beforeMicros}. */
    /**
     * Whether what reached the socket is TLS (the wss path's client leg): its records are
     * encrypted, so a Close frame or a TLS close_notify may be in any of them unseen.
     */
    static boolean encrypted(History h, Socket socket) {
        return h.events().stream().anyMatch(e -> socket.inbound(e) && e.ev().equals(WireLane.UPGRADE)
                && WireLane.TLS_LINE.equals(e.str("line")));
    }

    static boolean trackLost(History h, Socket socket, long beforeMicros) {
        return h.events().stream().anyMatch(e -> socket.inbound(e) && e.ev().equals(WireLane.LOST_TRACK)
                && e.tMicros() < beforeMicros);
    }

    /** The first FIN or RST on any of the cell's connections in [from, until). */
    static Optional<Event> firstCut(History h, long fromMicros, long untilMicros) {
        return wireEvents(h).stream()
                .filter(e -> (e.ev().equals(WireLane.FIN) || e.ev().equals(WireLane.RST))
                        && e.tMicros() >= fromMicros && e.tMicros() < untilMicros)
                .findFirst();
    }

    /** When any of the cell's connections last carried payload before {@code beforeMicros}, if ever. */
    static java.util.OptionalLong lastPayload(History h, long beforeMicros) {
        return lastPayload(wireEvents(h), beforeMicros);
    }

    /**
     * The latest payload time before {@code beforeMicros} among wire events. A {@code data} event
     * stands for a run of frames from its time less {@code span_ms} to its time: a run still going
     * on at {@code beforeMicros} carried bytes until then (to within the run gap).
     */
    private static java.util.OptionalLong lastPayload(List<Event> wire, long beforeMicros) {
        return wire.stream().filter(e -> PAYLOAD.contains(e.ev()))
                .mapToLong(e -> {
                    long end = e.tMicros();
                    long start = e.ev().equals(WireLane.DATA) ? end - Math.round(spanMs(e) * 1000) : end;
                    return start >= beforeMicros ? Long.MIN_VALUE : Math.min(end, beforeMicros);
                })
                .filter(t -> t != Long.MIN_VALUE)
                .max();
    }

    private static double spanMs(Event data) {
        Object v = data.fields().get("span_ms");
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    private static List<Event> wireEvents(History h) {
        return h.events().stream().filter(e -> e.source().equals(WireLane.SOURCE)).toList();
    }

    /** "FIN", "RST", "Close 1001", "Close without a code": what an end on the wire was. */
    static String describe(Event end) {
        return switch (end.ev()) {
            case WireLane.FIN -> "FIN";
            case WireLane.RST -> "RST";
            default -> end.fields().containsKey("code") ? "Close " + end.num("code", -1) : "Close without a code";
        };
    }
}
