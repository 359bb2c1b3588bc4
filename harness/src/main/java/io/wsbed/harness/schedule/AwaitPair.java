package io.wsbed.harness.schedule;

import io.wsbed.harness.timeline.Event;
import java.time.Duration;

/**
 * Wait until the client and the server have opened a new session after the latest fault (the
 * client reconnects by itself); it becomes the stage's current pair. A pair that never opens
 * breaks the cell.
 */
public record AwaitPair() implements Step {
    @Override
    public void run(Stage stage) {
        long after = stage.lastFault();
        Event c = stage.ctx().awaitOpen(stage.client(), after, Duration.ofSeconds(5));
        Event s = stage.ctx().awaitOpen(stage.server(), after, Duration.ofSeconds(5));
        stage.pair(new Sessions(c.session(), s.session()));
    }
}
