package io.wsbed.harness.result;

import java.util.List;

/** A scenario as the report lists it: id, path, stimulus and the figures it reports. */
public record ScenarioInfo(String id, String path, String description, List<String> reports) {
    public ScenarioInfo {
        reports = List.copyOf(reports);
    }
}
