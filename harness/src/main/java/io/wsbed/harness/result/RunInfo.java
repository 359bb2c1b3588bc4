package io.wsbed.harness.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run header: id, start and end (ISO-8601), the seed, the host, the infrastructure and every
 * scaled timing value the run used.
 */
public record RunInfo(String id, String start, String end, long seed, Map<String, Object> host, String infra,
                      Map<String, Object> timings, Map<String, Object> selection) {
    public RunInfo {
        host = Collections.unmodifiableMap(new LinkedHashMap<>(host));
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        selection = Collections.unmodifiableMap(new LinkedHashMap<>(selection));
    }

    public RunInfo withEnd(String newEnd) {
        return new RunInfo(id, start, newEnd, seed, host, infra, timings, selection);
    }
}
