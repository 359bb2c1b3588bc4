package io.wsbed.harness.result;

import io.wsbed.harness.HarnessException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shards of one run, as their results.json files say: each holds {@code selection.shard}
 * ({@code index}, {@code count} and the ids of the whole plan, in plan order). Merging them is only
 * the same as one run when they are all parts of the same plan, made with the same seed and
 * settings, each part present once and complete; {@link #check} refuses anything else and names
 * the reason.
 */
public final class ShardSet {
    public static final String KEY = "shard";

    private ShardSet() {
    }

    /** What a shard's run header says about it. */
    public static Map<String, Object> describe(int index, int count, List<String> plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("count", count);
        m.put("plan", List.copyOf(plan));
        return m;
    }

    /** Whether this run is one shard of a larger plan. */
    public static boolean isShard(Results r) {
        return r.run().selection().get(KEY) instanceof Map;
    }

    /**
     * Checks that the inputs are exactly the shards of one plan and returns that plan (cell ids in
     * plan order). Throws a configuration error naming the reason otherwise.
     */
    public static List<String> check(List<Results> inputs, List<String> names) {
        Results first = inputs.get(0);
        Map<String, Object> firstShard = shard(first);
        int count = number(firstShard, "count");
        List<String> plan = plan(firstShard);
        Map<Integer, String> seen = new TreeMap<>();
        Set<String> cells = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            Results r = inputs.get(i);
            String name = names.get(i);
            if (!isShard(r)) {
                throw refused(name + " is a whole run but " + names.get(0) + " is a shard; merge all the shards of"
                        + " one run, or whole runs, not both");
            }
            Map<String, Object> s = shard(r);
            int index = number(s, "index");
            String label = "shard " + index + "/" + number(s, "count") + " (" + name + ")";
            if (number(s, "count") != count) {
                throw refused(label + " belongs to a split into " + number(s, "count") + " but " + names.get(0)
                        + " to one into " + count + "; merge the shards of one run");
            }
            if (r.run().seed() != first.run().seed()) {
                throw refused(label + " ran with seed " + r.run().seed() + " but " + names.get(0) + " with seed "
                        + first.run().seed() + "; run every shard with the same --seed");
            }
            if (!Objects.equals(withoutShard(r), withoutShard(first))) {
                throw refused(label + " has other settings than " + names.get(0) + " (" + withoutShard(r) + " vs "
                        + withoutShard(first) + "); run every shard with the same selection");
            }
            if (!plan(s).equals(plan)) {
                throw refused(label + " planned other cells than " + names.get(0)
                        + "; run every shard from the same build and selection");
            }
            String before = seen.put(index, name);
            if (before != null) {
                throw refused("shard " + index + "/" + count + " is given twice (" + before + " and " + name + ")");
            }
            r.cells().forEach(c -> cells.add(c.id()));
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!seen.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw refused("shard" + (missing.size() > 1 ? "s " : " ") + missing + " of " + count
                    + " missing; merge all " + count + " shards");
        }
        List<String> absent = plan.stream().filter(id -> !cells.contains(id)).toList();
        if (!absent.isEmpty()) {
            throw refused(absent.size() + " planned cells have no result (first: " + absent.get(0)
                    + "); a shard stopped early: run it again");
        }
        return plan;
    }

    /** A shard's selection without the shard itself: what every shard of one run shares. */
    public static Map<String, Object> withoutShard(Results r) {
        Map<String, Object> m = new LinkedHashMap<>(r.run().selection());
        m.remove(KEY);
        return m;
    }

    /** "2/4" for a shard, empty for a whole run. */
    public static java.util.Optional<String> label(Results r) {
        return isShard(r) ? java.util.Optional.of(number(shard(r), "index") + "/" + number(shard(r), "count"))
                : java.util.Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> shard(Results r) {
        return (Map<String, Object>) r.run().selection().get(KEY);
    }

    private static int number(Map<String, Object> shard, String key) {
        Object v = shard.get(key);
        return v instanceof Number n ? n.intValue() : -1;
    }

    private static List<String> plan(Map<String, Object> shard) {
        Object v = shard.get("plan");
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static HarnessException refused(String why) {
        return HarnessException.configuration("cannot merge: " + why);
    }
}
