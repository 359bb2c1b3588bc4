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
 * process sees them; wss minus plain nginx is what TLS adds. Cells on other paths, and a history
 * without both events, are left as they are.
 */
public final class HandshakeTime {
    /** The figure's name in results.json. */
    public static final String METRIC = "handshake_ms";

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
        return new Outcome(metrics, o.observations(), o.judgement());
    }
}
