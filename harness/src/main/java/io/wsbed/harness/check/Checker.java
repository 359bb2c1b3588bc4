package io.wsbed.harness.check;

import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;

/**
 * Judges one cell from what was recorded: a pure function of the cell's settings and its history
 * (no I/O, no clock, no process), so a stored results.json can be checked again with new rules.
 * A history the scenario's schedule could not have written throws {@link HistoryException}.
 */
@FunctionalInterface
public interface Checker {
    Outcome check(Cell cell, Timings timings, History history);
}
