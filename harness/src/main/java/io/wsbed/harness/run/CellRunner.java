package io.wsbed.harness.run;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.infra.Infrastructure;
import io.wsbed.harness.process.StartGate;
import io.wsbed.harness.check.CellCheck;
import io.wsbed.harness.check.Outcome;
import io.wsbed.harness.check.TlsRefusal;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.KeyFigure;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Scenario;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.schedule.CellContext;
import io.wsbed.harness.schedule.ScheduleRunner;
import io.wsbed.harness.stack.StackCatalog;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.stack.StartArchives;
import io.wsbed.harness.timeline.Timeline;
import io.wsbed.harness.verdict.Judgement;
import io.wsbed.harness.wire.CaptureMode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one cell: prepares its context, runs the scenario's schedule, closes every process, has
 * the checker judge the recorded timeline, and turns the outcome (or the harness failure) into a
 * {@link CellResult}.
 */
final class CellRunner {
    private final StackCatalog catalog;
    private final Map<String, StackInfo> infos;
    private final Timings timings;
    private final Clock clock;
    private final long seed;
    private final Infrastructure infra;
    private final CaptureMode capture;
    private final StartGate gate;
    private final StartArchives archives;

    CellRunner(StackCatalog catalog, Map<String, StackInfo> infos, Timings timings, Clock clock, long seed,
               Infrastructure infra, CaptureMode capture, StartGate gate, StartArchives archives) {
        this.gate = gate;
        this.archives = archives;
        this.infra = infra;
        this.capture = capture;
        this.catalog = catalog;
        this.infos = infos;
        this.timings = timings;
        this.clock = clock;
        this.seed = seed;
    }

    /** The first of the cell's two stacks that cannot run here, with why and the fix. */
    private java.util.Optional<String> unavailable(Cell cell) {
        for (String id : List.of(cell.server(), cell.client())) {
            StackInfo info = infos.get(id);
            if (info != null && !info.available()) {
                return java.util.Optional.of("stack '" + id + "' cannot run here: " + info.unavailable());
            }
        }
        return java.util.Optional.empty();
    }

    CellResult run(Cell cell, Scenario scenario, Path logDir, String logsRelative) {
        Timeline timeline = new Timeline(clock);
        long startNanos = System.nanoTime();
        String skip = unavailable(cell).orElseGet(
                () -> scenario.skipReason(infos.get(cell.server()), infos.get(cell.client()), cell.path(), infra));
        if (skip != null) {
            return result(cell, scenario, Judgement.skipped(skip), null, List.of(), logsRelative, Map.of(), 0, startNanos, 0,
                    null);
        }
        CellContext ctx = new CellContext(cell, catalog.require(cell.server()), catalog.require(cell.client()), timings,
                timeline, logDir, seed + cell.id().hashCode(), infra, gate, archives);
        Outcome broken = null;
        long teardownNanos;
        CellWire wire = new CellWire(capture, timeline, logDir);
        try {
            wire.start(); // before the cell's first process
            ScheduleRunner.run(ctx, scenario.setup(), scenario.schedule(timings));
        } catch (HarnessException e) {
            broken = CellCheck.failed(e.getMessage());
        } catch (RuntimeException e) {
            broken = CellCheck.failed(e.getClass().getName() + ": " + e.getMessage());
        } finally {
            ctx.awaitNeighboursQuiet();
            long t = System.nanoTime();
            ctx.close();
            teardownNanos = System.nanoTime() - t;
        }
        try {
            wire.stopAfter(ctx); // after the cell's last process
        } catch (HarnessException e) {
            broken = broken != null ? broken : CellCheck.failed(e.getMessage());
        }
        // The checker reads exactly what results.json stores, so recheck gives the same answer.
        List<TimelineEntry> entries = TimelineEntry.relative(timeline.snapshot());
        Outcome outcome = broken != null ? TlsRefusal.of(cell, entries).orElse(broken)
                : CellCheck.check(scenario, cell, timings, entries);
        return result(cell, scenario, outcome.judgement(), outcome, entries, logsRelative, ctx.startMs(),
                ctx.setupStartMs(), startNanos, teardownNanos, wire.spentMs());
    }

    private CellResult result(Cell cell, Scenario scenario, Judgement j, Outcome outcome, List<TimelineEntry> timeline,
                              String logs, Map<String, Long> startMs, long setupStartMs, long startNanos,
                              long teardownNanos, Long captureMs) {
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
        if (captureMs != null) {
            // Starting tcpdump, waiting for the cell's processes to exit, stopping it, reading the capture.
            cellTimings.put("capture_ms", captureMs);
        }
        return new CellResult(cell.id(), cell.scenario(), cell.server(), cell.client(), cell.profile().id(), cell.path(),
                j.verdict(), j.reason(), KeyFigure.of(scenario.keyMetric(), metrics), metrics, obs, timeline,
                logs, cellTimings);
    }

}
