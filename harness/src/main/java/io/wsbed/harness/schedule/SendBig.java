package io.wsbed.harness.schedule;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.timeline.Event;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * One side sends one text message of exactly {@code bytes} bytes (the contract's {@code big}
 * command), marked as a {@code big} fault, then the step waits (at most {@code boundMs}) until the
 * receiver reports it ({@code recv} with {@code bytes}), either side is told the session ended, or
 * a process died. Before sending it repairs what an earlier size broke: a dead server is started
 * again on its port, a dead client is replaced, and an ended session is waited out until the
 * client has reconnected. Judges nothing.
 */
public record SendBig(Side sender, int bytes, long boundMs) implements Step {
    /** Bound on the reconnect after a size ended the session or a process. */
    static final Duration REPAIR = Duration.ofSeconds(6);
    /**
     * The mark of a repair the harness makes between sizes (a client replaced): what follows it is
     * the harness's doing, not the stack's answer to the message before.
     */
    public static final String REPAIR_MARK = "repair";

    @Override
    public boolean takesTurn() {
        return true;
    }

    @Override
    public void run(Stage stage) {
        repair(stage);
        RunningStack from = stage.process(sender);
        RunningStack to = stage.process(sender == Side.CLIENT ? Side.SERVER : Side.CLIENT);
        String session = stage.session(sender);
        String peerSession = stage.session(sender == Side.CLIENT ? Side.SERVER : Side.CLIENT);
        long at = stage.fault("big", "target", from.label(), "session", session, "bytes", bytes, "from", sender.id(),
                "to", to.label(), "to_session", peerSession, "bound_ms", boundMs);
        if (!from.command("big " + session + " " + bytes)) {
            throw new HarnessException(from.label() + " is gone; cannot send " + bytes + " bytes on " + session);
        }
        Predicate<Event> settled = e -> e.tMicros() >= at
                && ((e.source().equals(to.label()) && e.ev().equals("recv") && e.num("bytes", -1) == bytes)
                || (e.source().equals(from.label()) && session.equals(e.session()) && TimelineQueries.endsSession(e))
                || (e.source().equals(to.label()) && peerSession.equals(e.session()) && TimelineQueries.endsSession(e)));
        long deadline = System.nanoTime() + boundMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (stage.ctx().timeline().await(settled, Duration.ofMillis(100)).isPresent()) {
                break;
            }
            if (!from.isAlive() || !to.isAlive()) {
                break;
            }
        }
        // The answer to a message that got through (the echo, or the sender's sent event) may follow it closely.
        CellContext.sleep(Duration.ofMillis(100));
        markExit(stage, from);
        markExit(stage, to);
    }

    /** A process that died during this size is named on the timeline with its exit code. */
    private static void markExit(Stage stage, RunningStack p) {
        if (!p.isAlive() && p.awaitExit(Duration.ofMillis(500))) {
            boolean marked = stage.ctx().timeline().first(e -> e.source().equals("harness") && e.ev().equals("process-exit")
                    && p.label().equals(e.str("target"))).isPresent();
            if (!marked) {
                stage.mark("process-exit", "target", p.label(), "exit_code", p.exitCode());
            }
        }
    }

    /** Makes a fresh pair when the last size killed a process or ended the session. */
    private static void repair(Stage stage) {
        if (stage.lastFault() == 0) {
            return;
        }
        long after = stage.lastFault();
        boolean restarted = false;
        if (!stage.server().isAlive()) {
            stage.mark("restart", "target", stage.ctx().nextServerLabel(), "port", stage.server().port());
            stage.restartServer(REPAIR);
            restarted = true;
        }
        boolean serverEnded = ended(stage, Side.SERVER);
        boolean clientEnded = ended(stage, Side.CLIENT);
        if (stage.client().isAlive() && serverEnded && !clientEnded) {
            // The server gave up on the session but left the connection open (no close reached the
            // client): the client would never reconnect, so a fresh one takes its place.
            stage.mark(REPAIR_MARK, "target", stage.client().label(), "text", "the server ended "
                    + stage.session(Side.SERVER) + " but " + stage.client().label() + " was told nothing; it is replaced"
                    + " for the next size");
            stage.client().kill();
            stage.client().awaitExit(Duration.ofSeconds(2));
        }
        if (!stage.client().isAlive()) {
            stage.startClient();
            restarted = true;
        }
        if (restarted || serverEnded || clientEnded) {
            Event c = stage.ctx().awaitOpen(stage.client(), after, REPAIR);
            Event s = stage.ctx().awaitOpen(stage.server(), after, REPAIR);
            stage.pair(new Sessions(c.session(), s.session()));
        }
    }

    private static boolean ended(Stage stage, Side side) {
        String label = stage.process(side).label();
        String session = stage.session(side);
        return stage.ctx().timeline().first(e -> e.source().equals(label) && session.equals(e.session())
                && TimelineQueries.endsSession(e)).isPresent();
    }
}
