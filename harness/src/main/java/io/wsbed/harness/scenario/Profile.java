package io.wsbed.harness.scenario;

import io.wsbed.harness.HarnessException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Profiles: the stack exactly as shipped, or with pings every 500 ms and death after 1500 ms. */
public enum Profile {
    DEFAULT("default"),
    HEARTBEAT("heartbeat");

    private final String id;

    Profile(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The contract options this profile adds to every stack process. */
    public List<String> options(Timings timings) {
        if (this == DEFAULT) {
            return List.of();
        }
        return List.of("--heartbeat-ms", Long.toString(timings.heartbeatMs()),
                "--heartbeat-timeout-ms", Long.toString(timings.heartbeatTimeoutMs()));
    }

    public static Profile byId(String id) {
        for (Profile p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw HarnessException.configuration("Unknown profile '" + id + "'; available: "
                + String.join(", ", Arrays.stream(values()).map(Profile::id).toList()));
    }
}
