package io.wsbed.harness.schedule;

import io.wsbed.harness.metrics.TimelineQueries;
import java.time.Duration;

/**
 * Wait (bounded) until the client opens a new session after the latest fault or recovery and, when
 * {@code thenReceived} is above 0, receives that many pushes on it (at most one more second):
 * the stream gap needs the first push after the reconnect.
 */
public record AwaitReopen(long boundMs, int thenReceived) implements Step {
    @Override
    public void run(Stage stage) {
        String client = stage.client().label();
        stage.ctx().awaitFrom(client, stage.lastTurn(), Duration.ofMillis(boundMs), "open")
                .ifPresent(open -> stage.ctx().timeline().awaitCount(e -> e.source().equals(client)
                        && TimelineQueries.socketRecv(e) && e.tMicros() > open.tMicros(), thenReceived, Duration.ofSeconds(1)));
    }
}
