package io.wsbed.harness.baseline;

import io.wsbed.harness.verdict.Verdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committed verdict of every cell (reports/baseline.json), with a header saying which run
 * and which stack versions produced it.
 *
 * @param run the id of the run it was taken from
 * @param seed that run's seed
 * @param stacks stack id to library version in that run
 * @param cells cell id to verdict, sorted by id so the file diffs well
 * @param flaky cells seen with more than one verdict in runs of one build, with those verdicts: a
 *     change between them is reported, not failed (a change to any other verdict still fails)
 */
public record Baseline(String run, long seed, Map<String, String> stacks, SortedMap<String, Verdict> cells,
                       SortedMap<String, Set<Verdict>> flaky) {
    public static final String SCHEMA = "wsbed.baseline/1";

    public Baseline {
        Objects.requireNonNull(run, "run");
        stacks = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(stacks)));
        cells = Collections.unmodifiableSortedMap(new TreeMap<>(cells));
        SortedMap<String, Set<Verdict>> f = new TreeMap<>();
        flaky.forEach((id, vs) -> f.put(id, Collections.unmodifiableSet(EnumSet.copyOf(vs))));
        flaky = Collections.unmodifiableSortedMap(f);
    }

    /** A baseline without flaky cells. */
    public Baseline(String run, long seed, Map<String, String> stacks, SortedMap<String, Verdict> cells) {
        this(run, seed, stacks, cells, new TreeMap<>());
    }

    /** Whether a change from {@code was} to {@code now} is one this cell is known to make. */
    public boolean knownFlip(String cellId, Verdict was, Verdict now) {
        Set<Verdict> seen = flaky.get(cellId);
        return seen != null && seen.contains(was) && seen.contains(now);
    }

    /** A copy with one cell's verdict replaced (for tests and hand edits). */
    public Baseline with(String cellId, Verdict verdict) {
        SortedMap<String, Verdict> copy = new TreeMap<>(cells);
        copy.put(cellId, verdict);
        return new Baseline(run, seed, stacks, copy, flaky);
    }
}
