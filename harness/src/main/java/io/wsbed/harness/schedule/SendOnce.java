package io.wsbed.harness.schedule;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.timeline.Event;
import java.time.Duration;
import java.util.Optional;

/**
 * The application of one side sends one numbered message on the current session (through the
 * contract's {@code send}); the {@code send} mark names the case ({@code role}, {@code moment}) and
 * the message's seq, and the answer is awaited (bounded).
 */
public record SendOnce(Side side, String moment) implements Step {

    @Override
    public void run(Stage stage) {
        send(stage, side, moment);
    }

    /** Sends one numbered message and waits (bounded) for the send API's answer. */
    static Optional<Event> send(Stage stage, Side side, String moment) {
        RunningStack p = stage.process(side);
        String session = stage.session(side);
        long seq = stage.nextSeq();
        stage.mark("send", "target", p.label(), "session", session, "seq", seq, "role", side.id(), "moment", moment);
        if (!p.command("send " + session + " {\"seq\":" + seq + "}")) {
            throw new HarnessException(p.label() + " is gone; cannot send on " + session);
        }
        return stage.ctx().timeline().await(e -> e.source().equals(p.label()) && e.ev().equals("sent")
                && e.num("seq", -1) == seq, CloseSession.ANSWER_WAIT);
    }
}
