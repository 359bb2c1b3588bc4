package io.wsbed.harness.schedule;

import io.wsbed.harness.metrics.TimelineQueries;
import java.time.Duration;

/**
 * Wait until one side's application is told its session ended, at most until {@code untilMs}
 * after the stimulus but at least {@code atLeastMs} from now.
 */
public record AwaitEnd(Side side, long untilMs, long atLeastMs) implements Step {
    @Override
    public void run(Stage stage) {
        long t0 = stage.t0();
        String label = stage.process(side).label();
        String session = stage.session(side);
        long left = t0 / 1000 + untilMs - stage.ctx().timeline().nowMicros() / 1000;
        stage.ctx().timeline().await(e -> e.source().equals(label) && session.equals(e.session()) && e.tMicros() >= t0
                && TimelineQueries.endsSession(e), Duration.ofMillis(Math.max(left, atLeastMs)));
    }
}
