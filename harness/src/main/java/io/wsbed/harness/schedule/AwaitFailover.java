package io.wsbed.harness.schedule;

import io.wsbed.harness.check.LbFailoverChecker;
import io.wsbed.harness.timeline.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Wait (bounded) until every client connection that lost its session after the stimulus has
 * opened a new one, and they are at least as many as the killed server had sessions open at that
 * moment (its {@code open} events minus the sessions it ended before the kill): with a load
 * balancer, only the killed instance's clients reconnect. The same reading of the events as
 * {@link LbFailoverChecker#connectionsBack}, on the live timeline.
 */
public record AwaitFailover(long boundMs) implements Step {
    private static final Duration POLL = Duration.ofMillis(20);

    @Override
    public void run(Stage stage) {
        long t0 = stage.t0();
        String killed = stage.server().label();
        String client = stage.client().label();
        List<Event> before = stage.ctx().timeline().snapshot();
        int onKilled = LbFailoverChecker.openSessions(before, killed, t0);
        if (onKilled <= 0) {
            return; // nothing to wait for: the checker says what that means
        }
        long deadline = System.nanoTime() + Duration.ofMillis(boundMs).toNanos();
        while (System.nanoTime() < deadline) {
            Map<Long, Long> back = LbFailoverChecker.connectionsBack(stage.ctx().timeline().snapshot(), client, t0);
            if (back.size() >= onKilled && back.values().stream().allMatch(b -> b >= 0)) {
                return;
            }
            CellContext.sleep(POLL);
        }
    }
}
