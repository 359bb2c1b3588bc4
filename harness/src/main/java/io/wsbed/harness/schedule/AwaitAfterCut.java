package io.wsbed.harness.schedule;

import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.timeline.Event;
import java.time.Duration;
import java.util.Optional;

/**
 * When the client was told its session ended after the stimulus: wait (bounded) for its new
 * session, then for the server to be told too. Nothing to wait for when the session survived.
 */
public record AwaitAfterCut(long reopenBoundMs, long serverBoundMs) implements Step {
    @Override
    public void run(Stage stage) {
        long t0 = stage.t0();
        String client = stage.client().label();
        String cs = stage.session(Side.CLIENT);
        Optional<Event> cut = stage.ctx().timeline().first(e -> e.source().equals(client) && cs.equals(e.session())
                && e.tMicros() >= t0 && TimelineQueries.endsSession(e));
        if (cut.isEmpty()) {
            return;
        }
        stage.ctx().awaitFrom(client, cut.get().tMicros(), Duration.ofMillis(reopenBoundMs), "open");
        String server = stage.server().label();
        String ss = stage.session(Side.SERVER);
        stage.ctx().timeline().await(e -> e.source().equals(server) && ss.equals(e.session()) && e.tMicros() >= t0
                && TimelineQueries.endsSession(e), Duration.ofMillis(serverBoundMs));
    }
}
