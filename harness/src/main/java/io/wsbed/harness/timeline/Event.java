package io.wsbed.harness.timeline;

import java.util.Map;
import java.util.Objects;

/**
 * One event of a cell's timeline.
 *
 * @param source who reported it: "harness", or a process label such as "server-1", "client-1"
 * @param tMicros when, in epoch microseconds (every process on this host shares the clock)
 * @param ev the event name of the process contract ("open", "close", ...) or of the harness
 * @param fields the other fields of the event line, in their order
 */
public record Event(String source, long tMicros, String ev, Map<String, Object> fields) {

    public Event {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ev, "ev");
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /** A string field, or null. */
    public String str(String name) {
        Object v = fields.get(name);
        return v == null ? null : v.toString();
    }

    /** A numeric field, or the fallback when absent or not a number. */
    public long num(String name, long fallback) {
        Object v = fields.get(name);
        return v instanceof Number n ? n.longValue() : fallback;
    }

    /** A boolean field, or false. */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(fields.get(name));
    }

    /** The session this event is about, or null. */
    public String session() {
        return str("session");
    }

    public boolean isFrom(String sourcePrefix) {
        return source.startsWith(sourcePrefix);
    }

    /** Milliseconds from {@code t0Micros} to this event (may be negative). */
    public double msFrom(long t0Micros) {
        return (tMicros - t0Micros) / 1000.0;
    }
}
