package io.wsbed.harness.replay;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.check.History;
import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.timeline.Event;
import io.wsbed.stack.api.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One cell of a results.json as a recording: the frames the cell's server sent on the session
 * the client had at the stimulus (its {@code sent} events with outcome ok, each the contract's wire
 * message {@code {"seq":N}}), timed from that session's open, and the cell's fault at its recorded
 * moment (t0). What the server sent after the stimulus is kept; the fault cuts it off in the replay,
 * as the fault did in the cell.
 *
 * @param faultKind the {@code kind} of the cell's first fault mark ("kill-server", "idle", ...)
 * @param faultAtMicros the stimulus, in microseconds from the session's open
 */
public record CellRecording(String cellId, Recording recording, String faultKind, long faultAtMicros) {

    /** Reads the cell; a cell that is not there or never reached its stimulus is a one-line configuration error. */
    public static CellRecording of(Results results, String cellId, String source) {
        CellResult cell = results.cells().stream().filter(c -> c.id().equals(cellId)).findFirst()
                .orElseThrow(() -> HarnessException.configuration(source + " has no cell '" + cellId + "'; it has "
                        + listed(results)));
        History h = History.of(cell.timeline());
        try {
            Event fault = h.requireMark("fault");
            String server = h.staged("server");
            String session = h.sessionAt(server, fault.tMicros());
            Event open = h.first(e -> e.source().equals(server) && e.ev().equals("open") && session.equals(e.session()))
                    .orElseThrow(() -> new HarnessException(server + " has no open event for " + session));
            List<RecordedFrame> frames = new ArrayList<>();
            for (Event e : h.events()) {
                if (e.source().equals(server) && e.ev().equals("sent") && session.equals(e.session())
                        && "ok".equals(e.str("outcome")) && e.num("seq", -1) >= 0) {
                    long at = Math.max(0, e.tMicros() - open.tMicros());
                    frames.add(new RecordedFrame(at, at, Peer.SERVER, Frame.text(Messages.seq(e.num("seq", -1)))));
                }
            }
            Recording r = new Recording(new RecordingHeader("cell", source + "#" + cellId, 0, null), frames,
                    Optional.empty());
            return new CellRecording(cellId, r, fault.str("kind"), Math.max(0, fault.tMicros() - open.tMicros()));
        } catch (HarnessException e) {
            throw HarnessException.configuration("cell '" + cellId + "' of " + source + " cannot be replayed: "
                    + e.getMessage() + " (a cell that was SKIPPED or broke before its stimulus has no stream to replay)");
        }
    }

    /**
     * The cell's fault as a replay fault. A fault with no server-side equivalent is a one-line
     * configuration error that says why and names --fault.
     */
    public ReplayFault fault() {
        return switch (faultKind) {
            case "kill-server", "proxy-down" -> new ReplayFault(ReplayFault.Kind.CRASH, faultAtMicros, 0);
            case "stop-server" -> ReplayFault.close(1001, faultAtMicros);
            case "network-reset" -> new ReplayFault(ReplayFault.Kind.RESET, faultAtMicros, 0);
            case "network-blackhole" -> new ReplayFault(ReplayFault.Kind.STALL, faultAtMicros, 0);
            case "idle" -> new ReplayFault(ReplayFault.Kind.IDLE, faultAtMicros, 0);
            default -> throw HarnessException.configuration("cell '" + cellId + "' has the fault '" + faultKind + "', "
                    + (faultKind.equals("kill-client") ? "which struck the client, not the server"
                    : "which a replay server cannot play") + "; replay its stream with a fault of your choice: --fault "
                    + "crash@S, close:CODE@S, stall@S, idle@S or none");
        };
    }

    private static String listed(Results results) {
        List<String> ids = results.cells().stream().map(CellResult::id).toList();
        return ids.isEmpty() ? "no cells" : ids.size() + " cells: " + String.join(", ", ids.subList(0, Math.min(8, ids.size())))
                + (ids.size() > 8 ? ", ... (see results.json)" : "");
    }
}
