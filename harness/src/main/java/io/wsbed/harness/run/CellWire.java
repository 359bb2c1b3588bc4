package io.wsbed.harness.run;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.check.Wire;
import io.wsbed.harness.process.ChildProcess;
import io.wsbed.harness.schedule.CellContext;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.timeline.Timeline;
import io.wsbed.harness.wire.CaptureMode;
import io.wsbed.harness.wire.WireCapture;
import io.wsbed.harness.wire.WireLane;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cell's packet capture as the cell runner drives it: started before the cell's first
 * process, stopped once its last process has exited, then read into the cell's timeline as the
 * {@code wire} lane, with a harness {@code capture} mark (at the moment the capture began) that
 * says what it holds and whether it is complete. Does nothing when the run does not capture.
 */
final class CellWire {
    private final CaptureMode mode;
    private final Timeline timeline;
    private final Path logDir;
    private WireCapture capture;
    private long fromMicros;
    private long spentNanos;

    CellWire(CaptureMode mode, Timeline timeline, Path logDir) {
        this.mode = mode;
        this.timeline = timeline;
        this.logDir = logDir;
    }

    /** Starts tcpdump and waits until it listens; throws (the cell is an ERROR) when it cannot. */
    void start() {
        if (!mode.on()) {
            return;
        }
        long t = System.nanoTime();
        capture = WireCapture.start(mode.tcpdump(), logDir);
        fromMicros = timeline.nowMicros();
        spentNanos += System.nanoTime() - t;
    }

    /** Waits (bounded) for the cell's processes to exit, stops the capture and adds its lane to the timeline. */
    void stopAfter(CellContext ctx) {
        if (capture == null) {
            return;
        }
        long t = System.nanoTime();
        try {
            boolean exited = ctx.awaitProcessesExited(ChildProcess.EXIT_GRACE);
            WireCapture.Stats stats = capture.stop();
            WireLane.Result lane = WireLane.read(stats.file(), WireLane.cellPorts(timeline.snapshot()));
            lane.events().forEach(timeline::add);
            timeline.add(new Event("harness", fromMicros, Wire.CAPTURE, fields(stats, lane, exited)));
        } catch (IOException e) {
            throw new HarnessException("cannot read the cell's capture " + capture.file() + ": " + e.getMessage(), e);
        } finally {
            capture.close();
            spentNanos += System.nanoTime() - t;
        }
    }

    private static Map<String, Object> fields(WireCapture.Stats stats, WireLane.Result lane, boolean exited) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file", stats.file().getFileName().toString());
        f.put("snap_length", WireCapture.SNAP_LENGTH);
        f.put("packets", lane.packets());
        f.put("cell_packets", lane.cellSegments());
        f.put("connections", lane.connections());
        f.put("dropped_by_kernel", stats.droppedByKernel());
        f.put("packet_cap_reached", stats.stoppedByItself());
        f.put("processes_exited", exited);
        // Complete: every packet of the observation is in the file (none dropped, the cap not reached).
        f.put(Wire.COMPLETE, stats.droppedByKernel() == 0 && !stats.stoppedByItself());
        return f;
    }

    /** How long the capture cost this cell, or null when the run does not capture. */
    Long spentMs() {
        return mode.on() ? spentNanos / 1_000_000 : null;
    }
}
