package io.wsbed.harness.schedule;

import io.wsbed.harness.check.History;
import java.util.List;

/**
 * Runs a schedule in a prepared cell: sets the stage up, runs every step in order, and marks the
 * end of the observation ({@link History#OBSERVED}); what follows is teardown. A step whose fault the
 * stacks notice at once first waits for the cell's turn beside the others. Judges nothing.
 */
public final class ScheduleRunner {
    private ScheduleRunner() {
    }

    public static void run(CellContext ctx, Setup setup, List<Step> steps) {
        Stage stage = Stage.setUp(ctx, setup);
        for (Step step : steps) {
            if (step.takesTurn()) {
                ctx.awaitFaultTurn();
            }
            step.run(stage);
        }
        ctx.mark(History.OBSERVED);
    }
}
