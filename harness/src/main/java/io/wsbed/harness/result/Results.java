package io.wsbed.harness.result;

import io.wsbed.harness.stack.StackInfo;
import java.util.List;

/** Everything a run produced, in the shape of results.json (schema wsbed.results/1). */
public record Results(RunInfo run, List<StackInfo> stacks, List<ScenarioInfo> scenarios, List<CellResult> cells) {
    public static final String SCHEMA = "wsbed.results/1";

    public Results {
        stacks = List.copyOf(stacks);
        scenarios = List.copyOf(scenarios);
        cells = List.copyOf(cells);
    }
}
