package io.wsbed.harness.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.report.ReportFixture;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.result.ShardSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shards merge back into their run, in plan order, and only when they really are its shards. */
class ShardMergeTest {
    private static final Results ALL = ReportFixture.results();
    private static final List<String> PLAN = ALL.cells().stream().map(CellResult::id).toList();

    @Test
    void shardsMergeIntoTheRunInPlanOrderWithItsSelection() {
        List<Results> shards = split(ALL, 3, 7);
        Results merged = ResultsMerge.merge(List.of(shards.get(2), shards.get(0), shards.get(1)),
                List.of("c", "a", "b")).results();
        assertEquals(PLAN, merged.cells().stream().map(CellResult::id).toList());
        Map<String, Object> selection = new LinkedHashMap<>(merged.run().selection());
        selection.remove("merged_from");
        assertEquals(ALL.run().selection(), selection);
    }

    @Test
    void aMissingShardIsNamed() {
        List<Results> shards = split(ALL, 3, 7);
        String m = refusal(List.of(shards.get(0), shards.get(2)));
        assertTrue(m.contains("shard [2] of 3 missing; merge all 3 shards"), m);
    }

    @Test
    void shardsOfOtherSeedsSplitsOrSettingsAreRefusedWithTheReason() {
        List<Results> shards = split(ALL, 2, 7);
        assertTrue(refusal(List.of(shards.get(0), split(ALL, 2, 8).get(1))).contains("run every shard with the same --seed"));
        assertTrue(refusal(List.of(shards.get(0), split(ALL, 3, 7).get(1))).contains("belongs to a split into 3"));
        Results other = withSelection(shards.get(1), "profiles", "heartbeat");
        assertTrue(refusal(List.of(shards.get(0), other)).contains("has other settings"));
        assertTrue(refusal(List.of(shards.get(0), shards.get(0))).contains("is given twice"));
        assertTrue(refusal(List.of(shards.get(0), ALL)).contains("merge all the shards of one run, or whole runs"));
    }

    @Test
    void aShardThatStoppedEarlyIsRefused() {
        List<Results> shards = split(ALL, 2, 7);
        Results cut = new Results(shards.get(1).run(), shards.get(1).stacks(), shards.get(1).scenarios(),
                shards.get(1).cells().subList(0, shards.get(1).cells().size() - 1));
        assertTrue(refusal(List.of(shards.get(0), cut)).contains("a shard stopped early"));
    }

    private static String refusal(List<Results> inputs) {
        List<String> names = new ArrayList<>();
        inputs.forEach(r -> names.add("in-" + names.size()));
        HarnessException e = assertThrows(HarnessException.class, () -> ResultsMerge.merge(inputs, names));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    /** The fixture's cells dealt round-robin into n shards, each saying so in its header. */
    private static List<Results> split(Results all, int n, long seed) {
        List<Results> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<CellResult> mine = new ArrayList<>();
            for (int c = 0; c < all.cells().size(); c++) {
                if (c % n == i - 1) {
                    mine.add(all.cells().get(c));
                }
            }
            Map<String, Object> selection = new LinkedHashMap<>(all.run().selection());
            selection.put(ShardSet.KEY, ShardSet.describe(i, n, PLAN));
            RunInfo r = all.run();
            out.add(new Results(new RunInfo("run-" + i, r.start(), r.end(), seed, r.host(), r.infra(), r.timings(),
                    selection), all.stacks(), all.scenarios(), mine));
        }
        return out;
    }

    private static Results withSelection(Results r, String key, String value) {
        Map<String, Object> selection = new LinkedHashMap<>(r.run().selection());
        selection.put(key, value);
        RunInfo i = r.run();
        return new Results(new RunInfo(i.id(), i.start(), i.end(), i.seed(), i.host(), i.infra(), i.timings(), selection),
                r.stacks(), r.scenarios(), r.cells());
    }
}
