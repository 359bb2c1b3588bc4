package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.baseline.BaselineGate;
import io.wsbed.harness.baseline.ResultsMerge;
import io.wsbed.harness.report.ReportFiles;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.run.MatrixRun;
import io.wsbed.harness.run.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards merged are the run they were cut from: the same selection run whole and as two shards
 * (real cells, one run after the other), merged with {@code wsbed merge}'s code, gives the same
 * cells in the same order, the same verdicts, the same selection in the report header, every
 * report file, and the same answer from the baseline check.
 */
class ShardMergeIT {

    @Test
    void twoShardsMergedAreTheSingleRun(@TempDir Path dir) {
        Results whole = run(dir.resolve("whole"), null);
        Results first = run(dir.resolve("shard-1"), "1/2");
        Results second = run(dir.resolve("shard-2"), "2/2");
        assertFalse(first.cells().isEmpty(), "the first shard got no cells");
        assertFalse(second.cells().isEmpty(), "the second shard got no cells");

        Results merged = ResultsMerge.merge(List.of(second, first), List.of("shard-2", "shard-1")).results();
        assertEquals(ids(whole), ids(merged), "cells and their order");
        assertEquals(verdicts(whole), verdicts(merged), "verdicts");
        Map<String, Object> selection = new TreeMap<>(merged.run().selection());
        selection.remove("merged_from");
        assertEquals(new TreeMap<>(whole.run().selection()), selection, "the report header's selection");

        ReportFiles out = ReportFiles.fresh(dir.resolve("merged"));
        out.write(merged);
        for (String file : List.of("index.html", "summary.md", "results.json")) {
            assertTrue(Files.isRegularFile(out.dir().resolve(file)), file + " of the merged report");
        }
        BaselineGate gate = BaselineGate.fromSystemProperties(Settings.fromSystemProperties().root());
        BaselineGate.Outcome single = gate.apply(whole);
        BaselineGate.Outcome fromShards = gate.apply(merged);
        assertEquals(single.failed(), fromShards.failed(), single.message() + "\n---\n" + fromShards.message());
    }

    private static Results run(Path reportDir, String shard) {
        Map<String, String> props = new TreeMap<>(Settings.systemProperties());
        props.put("wsbed.report.dir", reportDir.toString());
        props.put("wsbed.stacks", "jetty,undertow");
        props.put("wsbed.scenarios", "client-crash,send-after-close");
        props.put("wsbed.profiles", "default");
        props.put("wsbed.seed", "4242");
        props.put("wsbed.capture", "off");
        props.put("wsbed.parallel", "2");
        if (shard != null) {
            props.put("wsbed.shard", shard);
        }
        MatrixRun run = MatrixRun.prepare(Settings.from(props), Clock.systemUTC());
        run.runAll();
        return run.finish();
    }

    private static List<String> ids(Results r) {
        return r.cells().stream().map(CellResult::id).toList();
    }

    private static Map<String, String> verdicts(Results r) {
        Map<String, String> m = new TreeMap<>();
        r.cells().forEach(c -> m.put(c.id(), c.verdict().name()));
        return m;
    }
}
