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
            // A silent API (it takes every message and never reports on one) that answers silent
            // after its application was told the session ended will never refuse: waiting out the
            // bound would add only more of the same answer.
            if (answer.map(e -> SendOutcome.SILENT.wire().equals(e.str("outcome"))).orElse(false) && told(stage, answer.get())) {
                return;
            }
            CellContext.sleep(Duration.ofMillis(20));
        }
    }

    /** Whether the sending side had reported its session ended (close or error) before this answer. */
    private boolean told(Stage stage, Event answer) {
        String label = stage.process(side).label();
        String session = stage.session(side);
        return stage.ctx().timeline().snapshot().stream().anyMatch(e -> e.source().equals(label)
                && session.equals(e.session()) && (e.ev().equals("close") || e.ev().equals("error"))
                && e.tMicros() <= answer.tMicros());
    }
}
