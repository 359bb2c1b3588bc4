package io.wsbed.harness.run;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.scenario.Cell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} parts of a run's cells ({@code wsbed.shard=index/count}, 1-based), for
 * spreading the matrix over several machines or CI jobs. Every shard plans the same cells and
 * takes its part of them, so the shards together hold each cell exactly once.
 *
 * <p>The split balances expected time: cells are dealt longest first, each to the shard with the
 * least expected time so far (ties to the lowest shard, cells of equal cost in plan order), which
 * depends only on the plan, never on the machine.
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,4})\\s*/\\s*(\\d{1,4})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count);
        }
    }

    /** Reads "i/n" with 1 <= i <= n; anything else is a configuration error naming the valid form. */
    public static Shard parse(String key, String raw) {
        Matcher m = FORM.matcher(raw == null ? "" : raw);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            int n = Integer.parseInt(m.group(2));
            if (n >= 1 && i >= 1 && i <= n) {
                return new Shard(i, n);
            }
        }
        throw HarnessException.configuration(key + " (--shard) must be i/n with 1 <= i <= n, e.g. 2/4 for the second of"
                + " four shards, got '" + raw + "'");
    }

    /** This shard's cells, in plan order. */
    public List<Cell> select(List<Cell> plan, ToLongFunction<Cell> expectedMs) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> -expectedMs.applyAsLong(plan.get(i)))
                .thenComparingInt(i -> i));
        long[] load = new long[count];
        int[] owner = new int[plan.size()];
        for (int i : order) {
            int least = 0;
            for (int s = 1; s < count; s++) {
                if (load[s] < load[least]) {
                    least = s;
                }
            }
            owner[i] = least;
            load[least] += expectedMs.applyAsLong(plan.get(i));
        }
        List<Cell> mine = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            if (owner[i] == index - 1) {
                mine.add(plan.get(i));
            }
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
