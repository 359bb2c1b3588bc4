package io.wsbed.harness.check;

import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.timeline.Event;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code handshake_ms} of a cell through nginx (plain ws or wss): from the staged client's
 * {@code ready} (its library started, before its first connection attempt) to its first
 * {@code open}, both on the client's own clock. It spans the TCP connect, the TLS handshake on
 * the wss path, and the HTTP Upgrade through nginx to the server and back, as a cold client
 * process sees them (class loading and JIT included, which for a JVM is most of it).
 *
 * <p>{@code reconnect_handshake_ms}: the same for a warm process, when the client reconnected
 * after the fault: from the start of the attempt that opened (its last {@code reconnect} event
 * before that open plus the event's {@code delay_ms}: the moment the client said it would try)
 * to the open. A late timer makes it longer, never shorter. Cells on other paths, and histories
 * without the events, are left as they are.
 */
public final class HandshakeTime {
    /** The figure's name in results.json. */
    public static final String METRIC = "handshake_ms";
    /** The warm figure's name in results.json. */
    public static final String RECONNECT_METRIC = "reconnect_handshake_ms";

    private HandshakeTime() {
    }

    static Outcome addTo(Cell cell, History h, Outcome o) {
        if (!cell.path().viaNginx() || h.mark(History.STAGE).map(m -> m.str("client")).isEmpty()) {
            return o;
        }
        String client = h.staged("client");
        Optional<Event> ready = h.first(e -> e.source().equals(client) && e.ev().equals("ready"));
        Optional<Event> open = ready.flatMap(r -> h.firstFrom(client, "open", r.tMicros()));
        if (open.isEmpty()) {
            return o;
        }
        Map<String, Object> metrics = new LinkedHashMap<>(o.metrics());
        metrics.put(METRIC, TimelineQueries.ms(ready.get().tMicros(), open.get().tMicros()));
        reconnectAttempt(h, client).ifPresent(ms -> metrics.put(RECONNECT_METRIC, ms));
        return new Outcome(metrics, o.observations(), o.judgement());
    }

    /** The attempt after the fault that opened: from its announced start to the open. */
    private static Optional<Double> reconnectAttempt(History h, String client) {
        Optional<Event> fault = h.mark("fault");
        Optional<Event> reopen = fault.flatMap(f -> h.firstFrom(client, "open", f.tMicros()));
        if (reopen.isEmpty()) {
            return Optional.empty();
        }
        Optional<Event> announced = h.events().stream()
                .filter(e -> e.source().equals(client) && e.ev().equals("reconnect")
                        && e.tMicros() >= fault.get().tMicros() && e.tMicros() <= reopen.get().tMicros())
                .reduce((a, b) -> b);
        return announced.map(r -> r.tMicros() + r.num("delay_ms", 0) * 1000)
                .filter(start -> start <= reopen.get().tMicros())
                .map(start -> TimelineQueries.ms(start, reopen.get().tMicros()));
    }
}
