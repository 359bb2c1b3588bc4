package io.wsbed.harness.result;

import io.wsbed.harness.timeline.Event;
import java.util.List;
import java.util.Map;

/**
 * One event of a cell's timeline as the report shows it: milliseconds from the stimulus t0
 * (negative before it).
 */
public record TimelineEntry(String source, double ms, String ev, Map<String, Object> fields) {
    public TimelineEntry {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /**
     * Events (in time order) as a stored timeline: times in ms from the first harness fault (or
     * from the first event when there was none), to 0.1 ms.
     */
    public static List<TimelineEntry> relative(List<Event> events) {
        long t0 = events.stream().filter(e -> e.source().equals("harness") && e.ev().equals("fault"))
                .mapToLong(Event::tMicros).findFirst()
                .orElse(events.isEmpty() ? 0 : events.get(0).tMicros());
        return events.stream().map(e -> new TimelineEntry(e.source(), Math.round((e.tMicros() - t0) / 100.0) / 10.0,
                e.ev(), e.fields())).toList();
    }
}
