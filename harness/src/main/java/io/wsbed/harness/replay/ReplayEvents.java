package io.wsbed.harness.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsbed.harness.timeline.Event;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a replay did and when: each event is printed at once as a line of the process contract
 * (DESIGN.md section 2: {@code t} in epoch microseconds, {@code ev}, then the fields) and kept, with
 * its timeline lane, for the report. The replay server's events go on the lane {@value #SERVER};
 * the faults it applies go on the harness lane, where the report shades the fault window.
 */
public final class ReplayEvents {
    public static final String SERVER = "server-1";
    public static final String HARNESS = "harness";
    /** Events kept for the report; a replay that loops for hours prints every event but keeps the first ones. */
    private static final int MAX_KEPT = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final MicroClock clock;
    private final List<Event> kept = new ArrayList<>();
    private long dropped;

    public ReplayEvents(PrintWriter out, MicroClock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Prints and keeps an event now; {@code fields} are name, value pairs. */
    public void emit(String source, String ev, Object... fields) {
        emitAt(clock.nowMicros(), source, ev, fields);
    }

    public synchronized void emitAt(long tMicros, String source, String ev, Object... fields) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                f.put((String) fields[i], fields[i + 1]);
            }
        }
        Event event = new Event(source, tMicros, ev, f);
        out.println(line(event));
        out.flush();
        if (kept.size() < MAX_KEPT) {
            kept.add(event);
        } else {
            dropped++;
        }
    }

    /** An event as the contract's line: {@code {"t":...,"ev":...,<fields>}} (the lane is not part of it). */
    public static String line(Event e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("t", e.tMicros());
        line.put("ev", e.ev());
        line.putAll(e.fields());
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("an event line is not serialisable: " + x.getMessage(), x);
        }
    }

    public MicroClock clock() {
        return clock;
    }

    /** Every event kept so far, in the order they happened. */
    public synchronized List<Event> events() {
        return List.copyOf(kept);
    }

    /** How many events were printed but not kept (over {@value #MAX_KEPT}). */
    public synchronized long dropped() {
        return dropped;
    }
}
