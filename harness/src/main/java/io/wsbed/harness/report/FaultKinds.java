package io.wsbed.harness.report;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.TimelineEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What kind of fault each scenario applies, by which the matrix groups its rows: the {@code kind}
 * of the first harness {@code fault} mark in the scenario's timelines ("kill-server" for
 * server-crash and its reconnect variants, "idle" for the nginx idle timeouts ...). The schedule's
 * own words, so a new scenario groups itself; one whose cells have no fault mark (all skipped) is
 * its own group.
 */
final class FaultKinds {
    private FaultKinds() {
    }

    /** Scenario id to fault kind, for every scenario that has a cell. */
    static Map<String, String> of(Results r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (CellResult c : r.cells()) {
            if (out.get(c.scenario()) == null || out.get(c.scenario()).equals(c.scenario())) {
                out.put(c.scenario(), firstFault(c).orElse(c.scenario()));
            }
        }
        return out;
    }

    private static Optional<String> firstFault(CellResult c) {
        return c.timeline().stream().filter(e -> e.source().equals("harness") && e.ev().equals("fault"))
                .map(TimelineEntry::fields).map(f -> f.get("kind")).filter(k -> k instanceof String)
                .map(Object::toString).findFirst();
    }
}
