package io.wsbed.harness.run;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.infra.Infrastructure;
import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.CellContext;
import io.wsbed.harness.scenario.Outcome;
import io.wsbed.harness.scenario.Scenario;
import io.wsbed.harness.scenario.Scenarios;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.stack.StackCatalog;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.timeline.Timeline;
import io.wsbed.harness.verdict.Judgement;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one cell: prepares its context, runs the scenario, closes every process, and turns the
 * outcome (or the harness failure) into a {@link CellResult}.
 */
final class CellRunner {
    private final StackCatalog catalog;
    private final Map<String, StackInfo> infos;
    private final Timings timings;
    private final Clock clock;
    private final long seed;
    private final Infrastructure infra;

    CellRunner(StackCatalog catalog, Map<String, StackInfo> infos, Timings timings, Clock clock, long seed,
               Infrastructure infra) {
        this.infra = infra;
        this.catalog = catalog;
        this.infos = infos;
        this.timings = timings;
        this.clock = clock;
        this.seed = seed;
    }

    CellResult run(Cell cell, Path logDir, String logsRelative) {
        Scenario scenario = Scenarios.create(cell.scenario());
        Timeline timeline = new Timeline(clock);
        long startNanos = System.nanoTime();
        String skip = scenario.skipReason(infos.get(cell.server()), infos.get(cell.client()), cell.path(), infra);
        if (skip != null) {
            return result(cell, scenario, Judgement.skipped(skip), null, timeline, logsRelative, Map.of(), 0, startNanos, 0);
        }
        CellContext ctx = new CellContext(cell, catalog.require(cell.server()), catalog.require(cell.client()), timings,
                timeline, logDir, seed + cell.id().hashCode(), infra);
        Outcome outcome = null;
        Judgement judgement;
        long teardownNanos;
        try {
            outcome = scenario.run(ctx);
            judgement = outcome.judgement();
        } catch (HarnessException e) {
            judgement = Judgement.error("The harness failed: " + e.getMessage());
        } catch (RuntimeException e) {
            judgement = Judgement.error("The harness failed: " + e.getClass().getName() + ": " + e.getMessage());
        } finally {
            long t = System.nanoTime();
            ctx.close();
            teardownNanos = System.nanoTime() - t;
        }
        return result(cell, scenario, judgement, outcome, timeline, logsRelative, ctx.startMs(), ctx.setupStartMs(),
                startNanos, teardownNanos);
    }

    private CellResult result(Cell cell, Scenario scenario, Judgement j, Outcome outcome, Timeline timeline,
                              String logs, Map<String, Long> startMs, long setupStartMs, long startNanos,
                              long teardownNanos) {
        Map<String, Object> metrics = outcome == null ? Map.of() : outcome.metrics();
        Map<String, Object> obs = outcome == null ? Map.of() : outcome.observations();
        Map<String, Object> cellTimings = new LinkedHashMap<>();
        long wallMs = (System.nanoTime() - startNanos) / 1_000_000;
        cellTimings.put("wall_ms", wallMs);
        // Harness overhead: starting the processes the cell needs (restarts are the scenario's
        // own figure) and tearing them down.
        cellTimings.put("overhead_ms", setupStartMs + teardownNanos / 1_000_000);
        cellTimings.put("process_start_ms", new LinkedHashMap<>(startMs));
        cellTimings.put("teardown_ms", teardownNanos / 1_000_000);
        return new CellResult(cell.id(), cell.scenario(), cell.server(), cell.client(), cell.profile().id(), cell.path(),
                j.verdict(), j.reason(), keyFigure(scenario.keyMetric(), metrics), metrics, obs, relative(timeline.snapshot()),
                logs, cellTimings);
    }

    /** The matrix figure: "3.1 ms", "not within window", "4/6 told". */
    static String keyFigure(String metric, Map<String, Object> metrics) {
        if (metrics.get("survived") instanceof Number n && n.intValue() == 1) {
            return "survived";
        }
        if (!metrics.containsKey(metric)) {
            return "";
        }
        Object v = metrics.get(metric);
        if (metric.endsWith("_ms")) {
            return v == null ? "not within window" : Millis.format(((Number) v).doubleValue()) + " ms";
        }
        if (metric.equals("told_sends") && metrics.get("sends") instanceof Number n) {
            return v + "/" + n + " told";
        }
        return String.valueOf(v);
    }

    /** The timeline relative to the first stimulus (or the first event when there was none). */
    static List<TimelineEntry> relative(List<Event> events) {
        long t0 = events.stream().filter(e -> e.source().equals("harness") && e.ev().equals("fault"))
                .mapToLong(Event::tMicros).findFirst()
                .orElse(events.isEmpty() ? 0 : events.get(0).tMicros());
        return events.stream().map(e -> new TimelineEntry(e.source(), Math.round((e.tMicros() - t0) / 100.0) / 10.0,
                e.ev(), e.fields())).toList();
    }
}
