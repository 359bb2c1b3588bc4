package io.wsbed.harness.baseline;

import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run did against the baseline: cells whose verdict changed (these fail the build), cells
 * the baseline does not know yet (listed, never failed), how many baseline cells this selection
 * did not run (ignored), and cells that changed between verdicts the baseline lists them as
 * flipping between (listed, never failed).
 */
public record Drift(List<Change> changed, List<Change> added, int unchanged, int notRun, List<Change> knownFlips) {

    /** One cell: its baseline verdict (null when new) and this run's verdict. */
    public record Change(String id, Verdict was, Verdict now, boolean flaky) {
        @Override
        public String toString() {
            return id + ": " + (was == null ? "new" : was.name()) + " -> " + now + (flaky ? " (flaky in this run)" : "");
        }
    }

    public Drift {
        changed = List.copyOf(changed);
        added = List.copyOf(added);
        knownFlips = List.copyOf(knownFlips);
    }

    /** Without known flips. */
    public Drift(List<Change> changed, List<Change> added, int unchanged, int notRun) {
        this(changed, added, unchanged, notRun, List.of());
    }

    /** Whether the build must fail. */
    public boolean drifted() {
        return !changed.isEmpty();
    }

    /** The text the build prints: the changed cells as {@code id: OLD -> NEW}, the new ones after. */
    public String describe(String baselineFile) {
        List<String> lines = new ArrayList<>();
        if (drifted()) {
            lines.add("Baseline drift: " + changed.size() + " cell" + (changed.size() == 1 ? "" : "s")
                    + " changed verdict against " + baselineFile + ":");
            changed.forEach(c -> lines.add("  " + c));
            lines.add("If the change is intended, rewrite the baseline with -Dwsbed.baseline.update=true"
                    + " (./wsbed run --update-baseline) and commit it.");
        } else {
            lines.add("Baseline: " + unchanged + " cell" + (unchanged == 1 ? "" : "s") + " as in " + baselineFile
                    + (notRun > 0 ? " (" + notRun + " baseline cells not in this selection)" : "") + ".");
        }
        if (!knownFlips.isEmpty()) {
            lines.add(knownFlips.size() + " cell" + (knownFlips.size() == 1 ? "" : "s") + " changed between verdicts "
                    + baselineFile + " lists as flaky (not a failure):");
            knownFlips.forEach(c -> lines.add("  " + c.id() + ": " + c.was() + " -> " + c.now()));
        }
        if (!added.isEmpty()) {
            lines.add(added.size() + " cell" + (added.size() == 1 ? " is" : "s are")
                    + " not in the baseline yet (not a failure; add them with -Dwsbed.baseline.update=true):");
            added.forEach(c -> lines.add("  " + c));
        }
        return String.join("\n", lines);
    }
}
