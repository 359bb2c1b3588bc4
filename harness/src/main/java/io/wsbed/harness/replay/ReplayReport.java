package io.wsbed.harness.replay;

import io.wsbed.harness.report.ReportFiles;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.result.ScenarioInfo;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.run.MatrixRun;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A replay session as a report: a results.json with one cell whose timeline is the replay's
 * events (the server lane and the faults on the harness lane, in ms from the first fault), drawn
 * by the same writers as a run. The cell is not judged, since no checker knows a replay, so its
 * verdict is SKIPPED with a reason that says so; {@code wsbed recheck} keeps it as stored.
 */
public final class ReplayReport {
    /** The one cell: scenario "replay", server "replay", the client unknown. */
    public static final Cell CELL = new Cell("replay", "replay", "client", Profile.DEFAULT, NetworkPath.DIRECT);

    private ReplayReport() {
    }

    /**
     * The report of a replay.
     *
     * @param what what was replayed, for the scenario's description ("rec.jsonl: 57 server frames ...")
     * @param settings fault, speed and loop, as the run header shows them
     */
    public static Results results(List<Event> events, String what, Map<String, Object> settings, long startMicros,
                                  long endMicros) {
        List<Event> ordered = events.stream().sorted(Comparator.comparingLong(Event::tMicros)).toList();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("connections", count(ordered, "open"));
        metrics.put("frames_sent", ordered.stream().filter(e -> e.ev().equals("sent") && "ok".equals(e.str("outcome"))).count());
        metrics.put("frames_received", count(ordered, "recv"));
        metrics.put("faults", count(ordered, "fault"));
        Map<String, Object> observations = new LinkedHashMap<>(settings);
        observations.put("close_codes", ordered.stream().filter(e -> e.ev().equals("close"))
                .map(e -> e.num("code", 0) + (e.flag("local") ? " (replay)" : " (client)")).distinct()
                .collect(Collectors.joining(", ")));
        CellResult cell = new CellResult(CELL.id(), CELL.scenario(), CELL.server(), CELL.client(), CELL.profile().id(),
                CELL.path(), Verdict.SKIPPED, "Not judged: no checker knows a replay session (wsbed replay). The timeline "
                + "shows what the replay server sent and did, in ms from the first fault (t0).", metrics.get("connections")
                + " connections", metrics, observations, TimelineEntry.relative(ordered), "logs/" + CELL.id(), Map.of());
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("reference_server", CELL.server());
        selection.put("reference_client", CELL.client());
        String start = iso(startMicros);
        RunInfo run = new RunInfo("replay-" + start.replaceAll("[^0-9]", ""), start, iso(endMicros), 0, MatrixRun.host(),
                "local", settings, selection);
        List<StackInfo> stacks = List.of(
                new StackInfo(CELL.server(), "wsbed replay", Recording.SCHEMA, List.of("server"), "none", "recorded frames"),
                new StackInfo(CELL.client(), "the client under test (its own events are not recorded)", "", List.of("client"),
                        "unknown", "unknown"));
        List<ScenarioInfo> scenarios = List.of(new ScenarioInfo(CELL.scenario(), List.of(NetworkPath.DIRECT),
                "wsbed replay of " + what, new ArrayList<>(metrics.keySet())));
        return new Results(run, stacks, scenarios, List.of(cell));
    }

    /** Writes the report folder (cleared first) with the replay's event lines as the cell's log. */
    public static Path write(Path dir, Results results, List<Event> events) {
        ReportFiles files = ReportFiles.fresh(dir);
        StringBuilder log = new StringBuilder();
        events.forEach(e -> log.append(ReplayEvents.line(e)).append('\n'));
        files.writeCellLog(CELL, "replay.out", log.toString());
        files.write(results);
        return dir.resolve("index.html");
    }

    private static long count(List<Event> events, String ev) {
        return events.stream().filter(e -> e.ev().equals(ev)).count();
    }

    private static String iso(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
