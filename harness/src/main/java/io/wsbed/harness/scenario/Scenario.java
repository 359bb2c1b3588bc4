package io.wsbed.harness.scenario;

import io.wsbed.harness.stack.StackInfo;
import java.util.List;

/** A fault scenario with a stable id, runnable in one cell. */
public interface Scenario {

    /** Stable kebab-case id (DESIGN.md section 3). */
    String id();

    /** The path this scenario runs on: direct, nginx or toxiproxy. */
    String path();

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
    default String skipReason(StackInfo server, StackInfo client) {
        if (!server.hasServer()) {
            return "stack '" + server.id() + "' has no server role";
        }
        if (!client.hasClient()) {
            return "stack '" + client.id() + "' has no client role";
        }
        return null;
    }
}
