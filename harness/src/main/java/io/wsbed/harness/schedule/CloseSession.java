package io.wsbed.harness.schedule;

import io.wsbed.harness.timeline.Event;
import java.time.Duration;
import java.util.Optional;

/**
 * One side closes the current session cleanly (the contract's {@code close <session> 1000 done});
 * then both sides' ends are awaited (bounded; a missing end is noted, the checker judges).
 */
public record CloseSession(Side side) implements Step {
    static final Duration ANSWER_WAIT = Duration.ofSeconds(3);

    @Override
    public boolean takesTurn() {
        return true;
    }

    @Override
    public void run(Stage stage) {
        long t = stage.fault(side.id() + "-close", "target", stage.process(side).label());
        stage.process(side).command("close " + stage.session(side) + " 1000 done");
        awaitEnd(stage, side, t);
        awaitEnd(stage, side == Side.CLIENT ? Side.SERVER : Side.CLIENT, t);
    }

    private static void awaitEnd(Stage stage, Side side, long after) {
        String label = stage.process(side).label();
        String session = stage.session(side);
        Optional<Event> end = stage.ctx().timeline().await(e -> e.source().equals(label) && session.equals(e.session())
                && (e.ev().equals("close") || e.ev().equals("error")) && e.tMicros() >= after, ANSWER_WAIT);
        if (end.isEmpty()) {
            stage.mark("note", "text", label + " reported no end of " + session + " within " + ANSWER_WAIT.toMillis() + " ms");
        }
    }
}
