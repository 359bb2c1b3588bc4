package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.infra.Infrastructure;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Step;
import io.wsbed.harness.stack.StackInfo;
import java.util.List;

/**
 * A fault scenario with a stable id: a schedule (how the cell is set up and which steps drive
 * the fault) plus a checker (how the recorded history is judged). The schedule measures and
 * judges nothing; the checker touches no process.
 */
public interface Scenario {

    /** Stable kebab-case id (DESIGN.md section 3). */
    String id();

    /** The paths this scenario runs on. */
    List<NetworkPath> paths();

    /** The profiles this scenario runs in (a variant that fixes its own pings runs in one). */
    default List<Profile> profiles() {
        return List.of(Profile.DEFAULT, Profile.HEARTBEAT);
    }

    /** One sentence: the stimulus. */
    String description();

    /**
     * What the key figure measures, from what to what, in one sentence ("ms from the SIGKILL to
     * ..."): the report puts it beside the description, so a reader knows what a cell's number means.
     */
    String measures();

    /** The figures this scenario reports. */
    List<String> reports();

    /** What is started before the first step, and what to wait for. */
    Setup setup();

    /** The steps, with the run's scaled timings. */
    List<Step> schedule(Timings timings);

    /** Judges a recorded history of this scenario. */
    Checker checker();

    /** The one metric the matrix shows in this scenario's cells. */
    String keyMetric();

    /**
     * About how long one cell of this scenario takes, set-up and teardown included: what shards
     * are balanced by. An estimate from the schedule's waits, never a bound.
     */
    default long expectedMs(Timings timings) {
        return timings.windowMs() / 3;
    }

    /**
     * Whether its cells must have the machine to themselves: true for a scenario whose own load
     * (dozens of processes or connections) would disturb the figures of cells running beside it.
     */
    default boolean runsAlone() {
        return false;
    }

    /**
     * Why this scenario cannot run for these stacks, or null when it can (for example a client
     * stack without the role).
     */
    default String skipReason(StackInfo server, StackInfo client, NetworkPath path, Infrastructure infra) {
        if (path == NetworkPath.NGINX && infra.nginxMissing().isPresent()) {
            return infra.nginxMissing().get();
        }
        if (path == NetworkPath.WSS && infra.wssMissing().isPresent()) {
            return infra.wssMissing().get();
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
