package io.wsbed.harness.result;

import io.wsbed.harness.verdict.Verdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one cell: identity, verdict with reason, figures, observations, the full
 * timeline, where its logs are, and how long the harness spent on it.
 *
 * @param keyFigure the one figure the matrix shows for this cell ("3.1 ms", "4/6 told")
 * @param logs the cell's log folder, relative to the report folder
 * @param timings wall_ms, overhead_ms and each process's start_ms
 */
public record CellResult(String id, String scenario, String server, String client, String profile, String path,
                         Verdict verdict, String reason, String keyFigure, Map<String, Object> metrics,
                         Map<String, Object> observations, List<TimelineEntry> timeline, String logs,
                         Map<String, Object> timings) {

    public CellResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verdict, "verdict");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("cell " + id + " has a verdict without a reason");
        }
        metrics = frozen(metrics);
        observations = frozen(observations);
        timeline = List.copyOf(timeline);
        timings = frozen(timings);
    }

    private static Map<String, Object> frozen(Map<String, Object> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
