package io.wsbed.harness.check;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Scenario;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.verdict.Judgement;
import java.util.List;
import java.util.Map;

/**
 * Judges a cell from its stored timeline: the one path from a recorded history to an
 * {@link Outcome}, taken by a live run right after the cell's processes are gone and by
 * {@code wsbed recheck} on a results.json. A history the checker cannot read is an ERROR (the
 * harness broke), worded as every harness failure is; so are figures the cell's packet capture
 * contradicts ({@link WireAgreement}), which keep their figures for a look.
 */
public final class CellCheck {
    private CellCheck() {
    }

    /** Whether the schedule ran to its end in this timeline (an ERROR before that has nothing to judge). */
    public static boolean observed(List<TimelineEntry> timeline) {
        return timeline.stream().anyMatch(e -> e.source().equals("harness") && e.ev().equals(History.OBSERVED));
    }

    public static Outcome check(Scenario scenario, Cell cell, Timings timings, List<TimelineEntry> timeline) {
        try {
            History h = History.of(timeline);
            Outcome o = HandshakeTime.addTo(cell, h, Transports.addTo(h, scenario.checker().check(cell, timings, h)));
            return WireAgreement.disagreement(h, o, timings)
                    .map(why -> new Outcome(o.metrics(), o.observations(),
                            Judgement.error("The harness failed: the wire cross-check: " + why + ".")))
                    .orElse(o);
        } catch (HarnessException e) {
            return failed(e.getMessage());
        } catch (RuntimeException e) {
            return failed(e.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** The outcome of a cell whose harness broke: no figures, an ERROR with the cause. */
    public static Outcome failed(String cause) {
        return new Outcome(Map.of(), Map.of(), Judgement.error("The harness failed: " + cause));
    }
}
