package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.replay.CellRecording;
import io.wsbed.harness.replay.MicroClock;
import io.wsbed.harness.replay.Playback;
import io.wsbed.harness.replay.Recording;
import io.wsbed.harness.replay.RecordingReader;
import io.wsbed.harness.replay.ReplayEvents;
import io.wsbed.harness.replay.ReplayFault;
import io.wsbed.harness.replay.ReplayPlan;
import io.wsbed.harness.replay.ReplayReport;
import io.wsbed.harness.replay.ReplayServer;
import io.wsbed.harness.replay.wire.WsUrl;
import io.wsbed.harness.report.ReportFiles;
import io.wsbed.harness.run.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wsbed replay FILE [--port N] [--speed X] [--loop] [--fault SPEC] [--cell ID] [--report DIR]}:
 * serves a recording (or what the server sent in one cell of a results.json) on 127.0.0.1 to every
 * client that connects, with the recorded timing and the fault at its moment, printing what it does
 * as the process contract's event lines. Runs until Ctrl-C or --duration; --report then writes the
 * session as a report with one cell.
 */
@Command(name = "replay", description = {"Plays a recording (wsbed record), or the server's side of one cell of a "
        + "results.json (--cell), to every client that connects to 127.0.0.1, with the recorded timing scaled by "
        + "--speed and a fault at the moment you choose. Prints the URL to point the client at, then one event line "
        + "(process contract: t, ev, ...) for everything it does. Runs until Ctrl-C or --duration."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a recording, or a results.json with --cell")
    String input;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "port on 127.0.0.1 (default: any free port)")
    int port;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1.0",
            description = "recorded time is divided by X: 2 plays twice as fast (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--loop", description = "play the frames again and again, one recording length apart")
    boolean loop;

    @Option(names = "--fault", paramLabel = "SPEC", description = {"crash@S (connection dropped without a Close), "
            + "reset@S (RST), close:CODE@S, stall@S (nothing sent or read, connection kept), idle@S (no more messages, "
            + "pongs and Close answered) or none; S = seconds into the recording, per connection (default: none; "
            + "with --cell: the cell's own fault at its moment)"})
    String fault;

    @Option(names = "--cell", paramLabel = "ID", description = "FILE is a results.json: replay this cell's server stream")
    String cell;

    @Option(names = "--duration", paramLabel = "DURATION", description = "stop after this long, e.g. 60s (default: Ctrl-C)")
    String duration;

    @Option(names = "--report", paramLabel = "DIR",
            description = "at the end, write the session as a report (index.html, results.json) into DIR (cleared first)")
    String report;

    @Override
    public Integer call() {
        if (!(speed > 0 && speed <= 1000)) {
            throw HarnessException.configuration("--speed must be above 0 and at most 1000, got " + speed);
        }
        Duration max = duration == null ? null : Duration.ofMillis(Settings.duration("--duration", duration));
        Path in = Path.of(input);
        Recording recording;
        Optional<ReplayFault> chosen = fault == null ? Optional.empty() : ReplayFault.parse(fault);
        String path;
        String what;
        if (cell != null) {
            CellRecording c = CellRecording.of(ReportFiles.readResults(in), cell, input);
            recording = c.recording();
            chosen = fault == null ? Optional.of(c.fault()) : chosen;
            path = "/ws";
            what = "cell " + cell + " of " + input;
        } else {
            refuseResults(in);
            recording = RecordingReader.read(in);
            path = targetOf(recording);
            what = input;
        }
        Playback playback = Playback.of(recording, loop);
        ReplayPlan plan = new ReplayPlan(playback, chosen, speed, recording.header().subprotocol(), path);
        return serve(plan, what, max);
    }

    private int serve(ReplayPlan plan, String what, Duration max) {
        PrintWriter console = spec.commandLine().getOut();
        ReplayEvents events = new ReplayEvents(console, new MicroClock());
        long start = events.clock().nowMicros();
        String faultText = plan.fault().map(ReplayFault::spec).orElse("none");
        console.println("Replaying " + what + ": " + plan.playback().describe() + "; fault " + faultText + "; speed " + speed);
        try (SignalStop signal = SignalStop.install()) {
            ReplayServer server = ReplayServer.start(plan, port, events);
            try {
                console.println("Point the client at " + server.url() + " (every connection gets the whole replay; "
                        + (max == null ? "" : "stops after " + duration + " or ") + "Ctrl-C stops it)");
                signal.await(max);
            } finally {
                server.close();
            }
            if (report != null) {
                console.println("Report: " + writeReport(events, plan, what, start));
            }
        }
        return ExitCode.OK.code();
    }

    /** The session as a report with one cell (ReplayReport); returns its index.html. */
    private Path writeReport(ReplayEvents events, ReplayPlan plan, String what, long startMicros) {
        String faultText = plan.fault().map(ReplayFault::spec).orElse("none");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("replayed", what);
        settings.put("fault", faultText);
        settings.put("speed", speed);
        settings.put("loop", loop);
        if (events.dropped() > 0) {
            settings.put("events_not_kept", events.dropped());
        }
        return ReplayReport.write(Path.of(report), ReplayReport.results(events.events(), what + ": "
                + plan.playback().describe() + "; fault " + faultText + "; speed " + speed, settings, startMicros,
                events.clock().nowMicros()), events.events());
    }

    /** A results.json given without --cell: say how to replay it instead of failing on its first line. */
    private static void refuseResults(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (InputStream s = Files.newInputStream(file)) {
            String head = new String(s.readNBytes(4096), StandardCharsets.UTF_8);
            if (head.contains("\"wsbed.results/")) {
                throw HarnessException.configuration(file + " is a results.json, not a recording: replay one of its cells "
                        + "with --cell ID (the ids are in its \"cells\")");
            }
        } catch (IOException e) {
            throw HarnessException.configuration("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The recorded URL's path, for the printed URL ("/" when the recording names none). */
    private static String targetOf(Recording r) {
        try {
            return WsUrl.parse(r.header().url()).target();
        } catch (HarnessException e) {
            return "/";
        }
    }
}
