package io.wsbed.harness.check;

import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.verdict.Judgement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A wss cell that broke because its client never opened a session while every attempt failed:
 * that says something about the client stack (it could not complete TLS and the Upgrade through
 * nginx with the run's certificate), so it is a FAIL naming the first connect error, a finding,
 * not a harness ERROR. Any other broken cell, and every cell on another path, is left to the
 * caller. Such a cell has no observed schedule, so {@code wsbed recheck} keeps it as stored.
 */
public final class TlsRefusal {
    private TlsRefusal() {
    }

    public static Optional<Outcome> of(Cell cell, List<TimelineEntry> timeline) {
        if (cell.path() != NetworkPath.WSS) {
            return Optional.empty();
        }
        String client = "client-1";
        boolean opened = timeline.stream().anyMatch(e -> e.source().equals(client) && e.ev().equals("open"));
        Optional<Object> error = timeline.stream()
                .filter(e -> e.source().equals(client) && e.ev().equals("error") && "connect".equals(e.fields().get("phase")))
                .map(e -> e.fields().get("error")).findFirst();
        if (opened || error.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(Map.of(), Map.of("client_connect_error", String.valueOf(error.get())),
                Judgement.fail(client + " never opened a session over wss (TLS at nginx, --ca-file); its first attempt"
                        + " failed with " + error.get() + ".")));
    }
}
