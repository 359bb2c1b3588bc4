package io.wsbed.harness.result;

import io.wsbed.harness.scenario.NetworkPath;
import java.util.List;

/** A scenario as the report lists it: id, the paths it runs on, stimulus and the figures it reports. */
public record ScenarioInfo(String id, List<NetworkPath> paths, String description, List<String> reports) {
    public ScenarioInfo {
        paths = List.copyOf(paths);
        reports = List.copyOf(reports);
    }

    /** "direct,nginx", as results.json writes it. */
    public String pathList() {
        return String.join(",", paths.stream().map(NetworkPath::id).toList());
    }
}
