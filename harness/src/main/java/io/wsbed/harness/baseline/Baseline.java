package io.wsbed.harness.baseline;

import io.wsbed.harness.verdict.Verdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
 */
public record Baseline(String run, long seed, Map<String, String> stacks, SortedMap<String, Verdict> cells) {
    public static final String SCHEMA = "wsbed.baseline/1";

    public Baseline {
        Objects.requireNonNull(run, "run");
        stacks = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(stacks)));
        cells = Collections.unmodifiableSortedMap(new TreeMap<>(cells));
    }

    /** A copy with one cell's verdict replaced (for tests and hand edits). */
    public Baseline with(String cellId, Verdict verdict) {
        SortedMap<String, Verdict> copy = new TreeMap<>(cells);
        copy.put(cellId, verdict);
        return new Baseline(run, seed, stacks, copy);
    }
}
