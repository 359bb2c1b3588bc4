package io.wsbed.harness.scenario;

import io.wsbed.harness.infra.Infrastructure;
import io.wsbed.harness.stack.StackInfo;
import java.util.List;

/** A fault scenario with a stable id, runnable in one cell. */
public interface Scenario {

    /** Stable kebab-case id (DESIGN.md section 3). */
    String id();

    /** The paths this scenario runs on: direct, nginx, toxiproxy. */
    List<String> paths();

    /** The profiles this scenario runs in (a variant that fixes its own pings runs in one). */
    default List<Profile> profiles() {
        return List.of(Profile.DEFAULT, Profile.HEARTBEAT);
    }

    /** One sentence: the stimulus. */
    String description();

    /** The figures this scenario reports. */
    List<String> reports();

    /** Runs the scenario in a prepared cell and returns what it measured. */
    Outcome run(CellContext cell);

    /** The one metric the matrix shows in this scenario's cells. */
    String keyMetric();

    /**
     * Why this scenario cannot run for these stacks, or null when it can (for example a client
     * stack without the role).
     */
    default String skipReason(StackInfo server, StackInfo client, String path, Infrastructure infra) {
        if (path.equals("nginx") && infra.nginxMissing().isPresent()) {
            return infra.nginxMissing().get();
        }
        if (!server.hasServer()) {
            return "stack '" + server.id() + "' has no server role";
        }
        if (!client.hasClient()) {
            return "stack '" + client.id() + "' has no client role";
        }
        return null;
    }
}
