package io.wsbed.harness.schedule;

import io.wsbed.harness.check.SendAfterCloseChecker;
import io.wsbed.harness.timeline.Event;
import io.wsbed.stack.api.SendOutcome;
import java.time.Duration;
import java.util.Optional;

/**
 * Right after the peer was killed the application of one side keeps sending, every 20 ms, until
 * a send is refused or {@code boundMs} runs out. Each send is a {@code send} mark with moment
 * peer-killed.
 */
public record SendUntilRefused(Side side, long boundMs) implements Step {

    @Override
    public void run(Stage stage) {
        long deadline = System.nanoTime() + boundMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<Event> answer = SendOnce.send(stage, side, SendAfterCloseChecker.PEER_KILLED);
            if (answer.map(e -> SendOutcome.endsSession(e.str("outcome"))).orElse(false)) {
                return;
            }
            CellContext.sleep(Duration.ofMillis(20));
        }
    }
}
