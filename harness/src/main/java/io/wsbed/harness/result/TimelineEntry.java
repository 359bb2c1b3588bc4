package io.wsbed.harness.result;

import java.util.Map;

/**
 * One event of a cell's timeline as the report shows it: milliseconds from the stimulus t0
 * (negative before it).
 */
public record TimelineEntry(String source, double ms, String ev, Map<String, Object> fields) {
    public TimelineEntry {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
