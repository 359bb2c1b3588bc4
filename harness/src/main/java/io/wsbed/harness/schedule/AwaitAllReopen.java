package io.wsbed.harness.schedule;

import java.time.Duration;

/**
 * Wait (bounded) until every connection of the client process opened again after the stimulus
 * (distinct {@code conn} values: a connection that opens twice counts once).
 */
public record AwaitAllReopen(int connections, long boundMs) implements Step {
    @Override
    public void run(Stage stage) {
        long t0 = stage.t0();
        String client = stage.client().label();
        stage.ctx().timeline().awaitDistinct(e -> e.source().equals(client) && e.ev().equals("open") && e.tMicros() > t0,
                e -> e.num("conn", 0), connections, Duration.ofMillis(boundMs));
    }
}
