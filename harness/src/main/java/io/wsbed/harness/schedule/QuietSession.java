package io.wsbed.harness.schedule;

import io.wsbed.harness.timeline.Event;
import java.time.Duration;

/**
 * Nothing is sent on a direct connection whose {@code side} stack has its own idle timeout: the
 * quiet began when the handshake completed, so the fault is marked at the later of the two
 * sides' open events, with the timeout and the window it is watched for.
 */
public record QuietSession(Side side, long idleTimeoutMs, long windowMs) implements Step {
    @Override
    public void run(Stage stage) {
        Event c = stage.ctx().awaitOpen(stage.client(), 0, Duration.ofSeconds(5));
        Event s = stage.ctx().awaitOpen(stage.server(), 0, Duration.ofSeconds(5));
        stage.faultAt(Math.max(c.tMicros(), s.tMicros()), "kind", "idle-timeout", "on", side.id(),
                "idle_timeout_ms", idleTimeoutMs, "window_ms", windowMs);
    }
}
