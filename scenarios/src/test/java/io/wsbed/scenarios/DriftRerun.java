package io.wsbed.scenarios;

import io.wsbed.harness.baseline.Drift;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.run.MatrixRun;
import io.wsbed.harness.run.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A cell that drifted from the baseline in the matrix is run once more, alone (parallel 1, a run of
 * its own), before the build fails on it. A regression shows again; a cell whose verdict hangs on
 * a race (inside a library, or with a neighbour's load) comes back with the baseline's verdict,
 * and is then printed as a flip of this run, not failed. The matrix's report keeps the verdict
 * the matrix saw.
 */
final class DriftRerun {
    private DriftRerun() {
    }

    /** What one rerun said. */
    record Rerun(Drift.Change change, String verdictAlone) {
        boolean confirmsDrift() {
            return !verdictAlone.equals(change.was().name());
        }

        @Override
        public String toString() {
            return change.id() + ": " + change.was() + " -> " + change.now() + " in the matrix, " + verdictAlone
                    + " alone" + (confirmsDrift() ? "" : " (a flip of this run: the rerun agrees with the baseline)");
        }
    }

    static List<Rerun> rerun(List<Drift.Change> changed, Results matrix, Path reportRoot) {
        List<Rerun> out = new ArrayList<>();
        for (Drift.Change c : changed) {
            CellResult cell = matrix.cells().stream().filter(r -> r.id().equals(c.id())).findFirst().orElseThrow();
            String alone = runAlone(cell, matrix, reportRoot.resolve(c.id())).map(r -> r.verdict().name())
                    .orElse("not planned");
            out.add(new Rerun(c, alone));
        }
        return out;
    }

    /** The cell in a run of its own: the selection narrowed to its scenario, profile, path and stack. */
    private static Optional<CellResult> runAlone(CellResult cell, Results matrix, Path reportDir) {
        Map<String, String> props = new TreeMap<>(Settings.systemProperties());
        props.put("wsbed.report.dir", reportDir.toString());
        props.put("wsbed.scenarios", cell.scenario());
        props.put("wsbed.profiles", cell.profile());
        props.put("wsbed.paths", cell.path().id());
        props.put("wsbed.parallel", "1");
        props.put("wsbed.seed", Long.toString(matrix.run().seed()));
        props.remove("wsbed.shard");
        String referenceClient = String.valueOf(matrix.run().selection().getOrDefault("reference_client", "jdk"));
        if (cell.client().equals(referenceClient)) {
            props.put("wsbed.stacks", cell.server());
            props.remove("wsbed.clients");
        } else {
            props.put("wsbed.clients", cell.client());
            props.remove("wsbed.stacks");
        }
        MatrixRun run = MatrixRun.prepare(Settings.from(props), Clock.systemUTC());
        Optional<io.wsbed.harness.scenario.Cell> planned = run.cells().stream().filter(c -> c.id().equals(cell.id()))
                .findFirst();
        if (planned.isEmpty()) {
            run.finish();
            return Optional.empty();
        }
        CellResult alone = run.run(planned.get());
        run.finish();
        return Optional.of(alone);
    }
}
