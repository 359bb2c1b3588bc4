package io.wsbed.harness.schedule;

import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.timeline.Event;
import java.time.Duration;

/**
 * After a recovery, wait (bounded by {@code boundMs} from the recovery) until each side has received
 * {@code count} numbered messages on the session it had at the stimulus, or was told that session
 * ended: whether the session came back is the checker's business.
 */
public record AwaitResume(long boundMs, int count) implements Step {
    @Override
    public void run(Stage stage) {
        long from = stage.lastTurn();
        long deadline = from + boundMs * 1000;
        for (Side side : Side.values()) {
            String label = stage.process(side).label();
            String session = stage.session(side);
            int[] seen = {0};
            long left = (deadline - stage.ctx().timeline().nowMicros()) / 1000;
            if (left <= 0) {
                return;
            }
            stage.ctx().timeline().await(e -> {
                if (!e.source().equals(label) || !session.equals(e.session())) {
                    return false;
                }
                if (TimelineQueries.endsSession(e) && e.tMicros() >= stage.t0()) {
                    return true;
                }
                return received(e, from) && ++seen[0] >= count;
            }, Duration.ofMillis(left));
        }
    }

    private static boolean received(Event e, long fromMicros) {
        return e.ev().equals("recv") && e.tMicros() > fromMicros;
    }
}
