package io.wsbed.harness.schedule;

import io.wsbed.harness.timeline.Event;
import java.time.Duration;
import java.util.List;

/**
 * Wait (bounded) until as many of the client's connections opened again after the stimulus as the
 * killed server had sessions open at that moment (its {@code open} events minus its {@code close}
 * events before the kill): with a load balancer, only the killed instance's clients reconnect.
 */
public record AwaitFailover(long boundMs) implements Step {
    @Override
    public void run(Stage stage) {
        long t0 = stage.t0();
        String killed = stage.server().label();
        List<Event> before = stage.ctx().timeline().snapshot().stream()
                .filter(e -> e.source().equals(killed) && e.tMicros() < t0).toList();
        long onKilled = before.stream().filter(e -> e.ev().equals("open")).count()
                - before.stream().filter(e -> e.ev().equals("close")).count();
        if (onKilled <= 0) {
            return; // nothing to wait for: the checker says what that means
        }
        String client = stage.client().label();
        stage.ctx().timeline().awaitDistinct(e -> e.source().equals(client) && e.ev().equals("open") && e.tMicros() > t0,
                e -> e.num("conn", 0), (int) onKilled, Duration.ofMillis(boundMs));
    }
}
