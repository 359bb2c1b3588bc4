package io.wsbed.harness.result;

import io.wsbed.harness.scenario.NetworkPath;
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
 * @param repetitions the verdict of each repetition when the cell ran more than once, in run
 *     order; empty for a single run (see {@link Repetitions})
 */
public record CellResult(String id, String scenario, String server, String client, String profile, NetworkPath path,
                         Verdict verdict, String reason, String keyFigure, Map<String, Object> metrics,
                         Map<String, Object> observations, List<TimelineEntry> timeline, String logs,
                         Map<String, Object> timings, List<Verdict> repetitions) {

    public CellResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(verdict, "verdict");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("cell " + id + " has a verdict without a reason");
        }
        metrics = frozen(metrics);
        observations = frozen(observations);
        timeline = List.copyOf(timeline);
        timings = frozen(timings);
        repetitions = List.copyOf(repetitions);
        if (repetitions.size() == 1) {
            throw new IllegalArgumentException("cell " + id + ": a single run has no repetition list");
        }
    }

    /** A cell that ran once. */
    public CellResult(String id, String scenario, String server, String client, String profile, NetworkPath path,
                      Verdict verdict, String reason, String keyFigure, Map<String, Object> metrics,
                      Map<String, Object> observations, List<TimelineEntry> timeline, String logs,
                      Map<String, Object> timings) {
        this(id, scenario, server, client, profile, path, verdict, reason, keyFigure, metrics, observations, timeline,
                logs, timings, List.of());
    }

    /** How many times the cell ran. */
    public int runs() {
        return Math.max(1, repetitions.size());
    }

    /** Whether repetitions of this cell disagreed on the verdict. */
    public boolean flaky() {
        return repetitions.stream().distinct().count() > 1;
    }

    private static Map<String, Object> frozen(Map<String, Object> m) {
        // Not Map.copyOf: metrics may hold null ("not within window"), and order is kept.
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
