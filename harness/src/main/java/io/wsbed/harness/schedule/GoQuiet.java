package io.wsbed.harness.schedule;

import io.wsbed.harness.timeline.Event;
import java.time.Duration;

/**
 * Nothing more is sent: the quiet period began when the handshake completed (the last traffic),
 * so the fault is marked at the later of the two sides' open events.
 */
public record GoQuiet(long windowMs, long readTimeoutMs) implements Step {
    @Override
    public void run(Stage stage) {
        Event c = stage.ctx().awaitOpen(stage.client(), 0, Duration.ofSeconds(5));
        Event s = stage.ctx().awaitOpen(stage.server(), 0, Duration.ofSeconds(5));
        stage.faultAt(Math.max(c.tMicros(), s.tMicros()), "kind", "idle", "proxy_read_timeout_ms", readTimeoutMs,
                "window_ms", windowMs);
    }
}
