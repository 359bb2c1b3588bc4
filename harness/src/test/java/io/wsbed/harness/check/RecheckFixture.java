package io.wsbed.harness.check;

import io.wsbed.harness.report.ReportFixture;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.verdict.Verdict;
import java.util.List;
import java.util.Map;

/** A stored run of two cells for recheck tests: a client-crash whose history shows a PASS, and a SKIPPED cell. */
public final class RecheckFixture {
    public static final String CRASH = "client-crash.jetty.jdk.default.direct";
    public static final String SKIPPED = "network-blackhole.jetty.jdk.default.toxiproxy";

    private RecheckFixture() {
    }

    private static TimelineEntry e(String source, double ms, String ev, Object... kv) {
        java.util.Map<String, Object> f = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            f.put((String) kv[i], kv[i + 1]);
        }
        return new TimelineEntry(source, ms, ev, f);
    }

    /** The server was told 12.5 ms after the kill and sent nothing after the client was gone. */
    public static List<TimelineEntry> crashTimeline() {
        return List.of(
                e("server-1", -400, "ready", "port", 40001),
                e("client-1", -300, "ready"),
                e("server-1", -200, "open", "session", "s1"),
                e("client-1", -199, "open", "session", "c1"),
                e("server-1", -50, "sent", "session", "s1", "seq", 1, "outcome", "ok", "latency_us", 300),
                e("client-1", -49.5, "recv", "session", "c1", "seq", 1),
                e("harness", -0.1, "stage", "client", "client-1", "server", "server-1", "connections", 1),
                e("harness", 0.0, "fault", "kind", "kill-client", "target", "client-1"),
                e("harness", 3.2, "peer-gone", "target", "client-1", "exited", true),
                e("server-1", 12.5, "close", "session", "s1", "code", 1006, "reason", ""),
                e("harness", 212.5, "observed"));
    }

    /**
     * The run as stored, with {@code storedVerdict} and a reason for the crash cell (a recheck
     * must replace both) and a SKIPPED cell it must keep.
     */
    public static Results stored(Verdict storedVerdict, String scenarioId) {
        RunInfo run = ReportFixture.results().run();
        RunInfo withTimings = new RunInfo(run.id(), run.start(), run.end(), run.seed(), run.host(), run.infra(),
                Timings.scaled(10_000).asMap(), run.selection());
        CellResult crash = new CellResult(CRASH.replace("client-crash", scenarioId), scenarioId, "jetty", "jdk", "default",
                NetworkPath.DIRECT, storedVerdict, "as stored.", "", Map.of(), Map.of(), crashTimeline(),
                "logs/" + CRASH, Map.of("wall_ms", 1000));
        CellResult skipped = new CellResult(SKIPPED, "network-blackhole", "jetty", "jdk", "default",
                NetworkPath.TOXIPROXY, Verdict.SKIPPED, "No Toxiproxy here.", "", Map.of(), Map.of(), List.of(),
                "logs/" + SKIPPED, Map.of("wall_ms", 0));
        return new Results(withTimings, List.of(), List.of(), List.of(crash, skipped));
    }
}
