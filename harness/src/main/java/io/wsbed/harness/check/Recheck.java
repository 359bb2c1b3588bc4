package io.wsbed.harness.check;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.KeyFigure;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.scenario.Scenario;
import io.wsbed.harness.scenario.Scenarios;
import io.wsbed.harness.scenario.Timings;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-derives every cell's figures, observations and verdict from the timelines a results.json
 * stores, with the current checkers. Cells whose schedule never reached its end (SKIPPED, or an
 * ERROR while the cell ran) have nothing to judge and keep what was stored.
 */
public final class Recheck {
    private Recheck() {
    }

    /**
     * @param source how errors name the input (its path)
     */
    public static Results recheck(Results stored, String source) {
        Timings timings = Timings.fromMap(stored.run().timings(), source);
        List<CellResult> cells = new ArrayList<>();
        for (CellResult c : stored.cells()) {
            cells.add(recheck(c, timings, source));
        }
        return new Results(stored.run(), stored.stacks(), stored.scenarios(), cells);
    }

    private static CellResult recheck(CellResult c, Timings timings, String source) {
        if (!Scenarios.ids().contains(c.scenario())) {
            throw HarnessException.configuration(source + " cell '" + c.id() + "' has scenario '" + c.scenario()
                    + "', which this wsbed does not know; known: " + String.join(", ", Scenarios.ids()));
        }
        if (c.runs() > 1) {
            throw HarnessException.configuration(source + " cell '" + c.id() + "' ran " + c.runs()
                    + " times (wsbed.repeat) and stores one timeline for all; recheck a run without repetitions");
        }
        if (!CellCheck.observed(c.timeline())) {
            return c;
        }
        Scenario scenario = Scenarios.create(c.scenario());
        Cell cell = new Cell(c.scenario(), c.server(), c.client(), Profile.byId(c.profile()), c.path());
        Outcome o = CellCheck.check(scenario, cell, timings, c.timeline());
        return new CellResult(c.id(), c.scenario(), c.server(), c.client(), c.profile(), c.path(), o.judgement().verdict(),
                o.judgement().reason(), KeyFigure.of(scenario.keyMetric(), o.metrics()), o.metrics(), o.observations(),
                c.timeline(), c.logs(), c.timings());
    }
}
