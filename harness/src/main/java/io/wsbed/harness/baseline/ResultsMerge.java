package io.wsbed.harness.baseline;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.result.ScenarioInfo;
import io.wsbed.harness.result.ShardSet;
import io.wsbed.harness.stack.StackInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges several runs (for example one CI job per stack) into one. The runs must agree on what
 * makes their cells comparable: the scaled timings, the reference stacks and each stack's
 * version; anything else is combined (start = earliest, end = latest, each run's id and seed kept
 * under selection.merged_from). A cell present in several inputs is taken from the last one, and
 * noted.
 *
 * <p>Shards of one run ({@code wsbed.shard}) merge into that run: they must all be there, from the
 * same seed, settings and plan ({@link ShardSet}), and the merged cells come in plan order with the
 * run's own selection, so the report is the one a single run would have written.
 */
public final class ResultsMerge {
    private ResultsMerge() {
    }

    /** The merged results, and notes worth printing. */
    public record Merged(Results results, List<String> notes) {
    }

    /**
     * @param inputs the runs, in command-line order
     * @param names how messages name each input (its path)
     */
    public static Merged merge(List<Results> inputs, List<String> names) {
        if (inputs.isEmpty()) {
            throw HarnessException.configuration("merge needs at least one results.json");
        }
        Results first = inputs.get(0);
        boolean shards = inputs.stream().anyMatch(ShardSet::isShard);
        List<String> plan = shards ? ShardSet.check(inputs, names) : List.of();
        List<String> notes = new ArrayList<>();
        Map<String, StackInfo> stacks = new LinkedHashMap<>();
        Map<String, ScenarioInfo> scenarios = new LinkedHashMap<>();
        Map<String, CellResult> cells = new LinkedHashMap<>();
        Map<String, String> cellSource = new LinkedHashMap<>();
        List<Object> mergedFrom = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Results r = inputs.get(i);
            String name = names.get(i);
            requireComparable(first, names.get(0), r, name);
            addStacks(stacks, r, name);
            r.scenarios().forEach(s -> scenarios.putIfAbsent(s.id(), s));
            for (CellResult c : r.cells()) {
                String before = cellSource.put(c.id(), name);
                if (before != null) {
                    notes.add("cell " + c.id() + " is in " + before + " and " + name + "; kept the one from " + name);
                }
                cells.put(c.id(), c);
            }
            mergedFrom.add(origin(r, name));
        }
        List<CellResult> merged = new ArrayList<>(cells.values());
        if (shards) {
            merged.sort(Comparator.comparingInt(c -> plan.indexOf(c.id())));
        }
        return new Merged(new Results(run(inputs, mergedFrom, shards), new ArrayList<>(stacks.values()),
                new ArrayList<>(scenarios.values()), merged), notes);
    }

    /** Runs whose cells cannot be compared side by side are refused. */
    private static void requireComparable(Results first, String firstName, Results r, String name) {
        requireSame("scaled timings", first.run().timings(), r.run().timings(), firstName, name);
        for (String ref : List.of("reference_server", "reference_client")) {
            requireSame(ref.replace('_', ' '), first.run().selection().get(ref), r.run().selection().get(ref), firstName,
                    name);
        }
    }

    private static void addStacks(Map<String, StackInfo> stacks, Results r, String name) {
        for (StackInfo s : r.stacks()) {
            StackInfo known = stacks.putIfAbsent(s.id(), s);
            if (known != null && !Objects.equals(known.version(), s.version())) {
                throw HarnessException.configuration("cannot merge: stack '" + s.id() + "' is " + known.version()
                        + " in an earlier input but " + s.version() + " in " + name + "; merge runs of the same build");
            }
        }
    }

    private static Map<String, Object> origin(Results r, String name) {
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("file", name);
        from.put("id", r.run().id());
        from.put("seed", r.run().seed());
        from.put("cells", r.cells().size());
        from.put("selection", ShardSet.withoutShard(r));
        ShardSet.label(r).ifPresent(l -> from.put(ShardSet.KEY, l));
        return from;
    }

    private static RunInfo run(List<Results> inputs, List<Object> mergedFrom, boolean shards) {
        RunInfo first = inputs.get(0).run();
        String start = inputs.stream().map(r -> r.run().start()).min(Comparator.naturalOrder()).orElse(first.start());
        String end = inputs.stream().map(r -> r.run().end()).max(Comparator.naturalOrder()).orElse(first.end());
        String infra = String.join(",", inputs.stream().map(r -> r.run().infra()).distinct().toList());
        Map<String, Object> selection = new LinkedHashMap<>();
        if (shards) {
            selection.putAll(ShardSet.withoutShard(inputs.get(0))); // the one run the shards were cut from
        } else {
            selection.put("reference_server", first.selection().get("reference_server"));
            selection.put("reference_client", first.selection().get("reference_client"));
        }
        selection.put("merged_from", mergedFrom);
        String id = "merged-" + String.join("+", inputs.stream().map(r -> r.run().id()).toList());
        return new RunInfo(id, start, end, first.seed(), first.host(), infra, first.timings(), selection);
    }

    private static void requireSame(String what, Object a, Object b, String nameA, String nameB) {
        if (!Objects.equals(a, b)) {
            throw HarnessException.configuration("cannot merge: " + nameB + " has other " + what + " than " + nameA
                    + " (" + b + " vs " + a + "); merge runs made with the same settings");
        }
    }
}
