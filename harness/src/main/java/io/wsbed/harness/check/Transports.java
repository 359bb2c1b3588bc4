package io.wsbed.harness.check;

import io.wsbed.harness.timeline.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which transport carried each side's sessions, for stacks that report one (socket.io's
 * {@code transport} events: polling, then websocket after the upgrade): an observation per side
 * such as {@code client_transport = "polling -> websocket"}, the names in the order they first
 * appeared. Cells of stacks that report none are left as they are, and so is an observation the
 * checker already made.
 */
final class Transports {
    private Transports() {
    }

    static Outcome addTo(History h, Outcome o) {
        Map<String, List<String>> bySide = new LinkedHashMap<>();
        for (Event e : h.events()) {
            if (e.ev().equals("transport") && e.str("name") != null) {
                String side = e.source().startsWith("server") ? "server" : e.source().startsWith("client") ? "client" : null;
                if (side != null) {
                    List<String> names = bySide.computeIfAbsent(side, k -> new ArrayList<>());
                    if (!names.contains(e.str("name"))) {
                        names.add(e.str("name"));
                    }
                }
            }
        }
        if (bySide.isEmpty()) {
            return o;
        }
        Map<String, Object> observations = new LinkedHashMap<>(o.observations());
        // A checker that already said which transport carried a side (per phase, say) knows better.
        bySide.forEach((side, names) -> observations.putIfAbsent(side + "_transport", String.join(" -> ", names)));
        return new Outcome(o.metrics(), observations, o.judgement());
    }
}
