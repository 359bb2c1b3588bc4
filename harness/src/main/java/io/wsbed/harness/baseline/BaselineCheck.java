package io.wsbed.harness.baseline;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Compares a run with the baseline, and derives the baseline a run rewrites. */
public final class BaselineCheck {
    private BaselineCheck() {
    }

    /** Cells of the run against the baseline; baseline cells this run did not select are only counted. */
    public static Drift compare(Baseline baseline, Results run) {
        List<Drift.Change> changed = new ArrayList<>();
        List<Drift.Change> added = new ArrayList<>();
        List<Drift.Change> knownFlips = new ArrayList<>();
        int same = 0;
        Set<String> ran = new HashSet<>();
        for (CellResult c : sorted(run)) {
            ran.add(c.id());
            Verdict was = baseline.cells().get(c.id());
            if (was == null) {
                added.add(new Drift.Change(c.id(), null, c.verdict(), c.flaky()));
            } else if (was != c.verdict() && baseline.knownFlip(c.id(), was, c.verdict())) {
                knownFlips.add(new Drift.Change(c.id(), was, c.verdict(), true));
            } else if (was != c.verdict()) {
                changed.add(new Drift.Change(c.id(), was, c.verdict(), c.flaky()));
            } else {
                same++;
            }
        }
        int notRun = (int) baseline.cells().keySet().stream().filter(id -> !ran.contains(id)).count();
        return new Drift(changed, added, same, notRun, knownFlips);
    }

    /**
     * The baseline after a deliberate update from this run. A run of the whole matrix replaces the
     * baseline (so cells that no longer exist leave it); a narrower selection only rewrites the
     * cells it ran and keeps the others.
     */
    public static Baseline updated(Baseline old, Results run) {
        SortedMap<String, Verdict> cells = new TreeMap<>();
        if (old != null && !wholeMatrix(run)) {
            cells.putAll(old.cells());
        }
        run.cells().forEach(c -> cells.put(c.id(), c.verdict()));
        Map<String, String> stacks = new LinkedHashMap<>();
        if (old != null && !wholeMatrix(run)) {
            stacks.putAll(old.stacks());
        }
        run.stacks().forEach(s -> stacks.put(s.id(), s.version()));
        // Cells known to flip stay known while they exist: one run cannot show that they stopped.
        SortedMap<String, Set<Verdict>> flaky = new TreeMap<>();
        if (old != null) {
            old.flaky().forEach((id, seen) -> {
                if (cells.containsKey(id)) {
                    flaky.put(id, seen);
                }
            });
        }
        return new Baseline(run.run().id(), run.run().seed(), stacks, cells, flaky);
    }

    /** Whether the run selected everything (no narrowing of stacks, clients, scenarios or profiles). */
    static boolean wholeMatrix(Results run) {
        Map<String, Object> sel = run.run().selection();
        return !sel.containsKey("merged_from")
                && List.of("stacks", "clients", "scenarios", "profiles").stream().allMatch(k -> "all".equals(sel.get(k)));
    }

    private static List<CellResult> sorted(Results run) {
        List<CellResult> cells = new ArrayList<>(run.cells());
        cells.sort((a, b) -> a.id().compareTo(b.id()));
        return cells;
    }
}
