package io.wsbed.harness.check;

import io.wsbed.harness.verdict.Judgement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a scenario measured in one cell: named figures, named observations (codes, error classes,
 * outcome classes) and the judgement derived from them.
 */
public record Outcome(Map<String, Object> metrics, Map<String, Object> observations, Judgement judgement) {

    public Outcome {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        observations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(observations));
    }
}
