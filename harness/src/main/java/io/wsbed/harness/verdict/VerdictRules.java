package io.wsbed.harness.verdict;

import io.wsbed.harness.metrics.Millis;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict rules of DESIGN.md section 3. PASS: the fault was surfaced within the bound,
 * nothing was lost silently, and the client came back where it had to. DEGRADED: surfaced, but
 * late, with the wrong code, or with silent loss. FAIL: not surfaced within the window, or no
 * reconnect.
 */
public final class VerdictRules {
    /** The close code the contract reports for a protocol that has none (socket.io). */
    public static final int NO_CLOSE_CODES = -1;

    private VerdictRules() {
    }

    /** A peer went away: did the other side learn it in time, lose nothing, and come back? */
    public static Judgement peerLoss(PeerLoss f, long boundMs) {
        String side = f.side();
        if (f.detectMs() == null) {
            return Judgement.fail("The " + side + " was never told within the " + f.windowMs() + " ms window.");
        }
        if (f.reconnectExpected() && f.reconnectMs() == null) {
            return Judgement.fail("The " + side + " was told after " + fmt(f.detectMs())
                    + " ms but did not reconnect within the window after the server was back.");
        }
        if (f.detectMs() > boundMs) {
            return Judgement.degraded("The " + side + " was told only after " + fmt(f.detectMs()) + " ms, later than the "
                    + boundMs + " ms bound.");
        }
        // A protocol without close codes (socket.io: the contract's code -1) cannot say "going
        // away"; its side is judged on being told in time, and the reason says the code was not judged.
        boolean codeless = f.seenCode() != null && f.seenCode() == NO_CLOSE_CODES;
        if (f.expectedCode() != null && !codeless && !f.expectedCode().equals(f.seenCode())) {
            return Judgement.degraded("The " + side + " was told after " + fmt(f.detectMs()) + " ms, but with "
                    + (f.seenCode() == null ? "an error and no close code" : "close code " + f.seenCode())
                    + " instead of " + f.expectedCode() + ".");
        }
        // Sends accepted after the peer was gone but before the side was told are reported, not
        // judged: within the bound, whether a send lands in the stack's reaction to the FIN depends
        // on where the application's timer fell (a full run flipped a cell on it), not on the stack.
        return Judgement.pass("The " + side + " was told after " + fmt(f.detectMs()) + " ms"
                + (f.reconnectExpected() ? " and reconnected " + fmt(f.reconnectMs()) + " ms after the server was back" : "")
                + (f.silentLoss() > 0 ? ", and " + f.silentLoss() + " message" + (f.silentLoss() == 1 ? " was" : "s were")
                        + " reported sent after the peer was gone, before it was told"
                        : ", and nothing was reported sent after the peer was gone")
                + (f.inFlightLost() > 0 ? " (" + f.inFlightLost() + " in flight at the fault were lost)" : "")
                + (f.expectedCode() != null && codeless ? " (its protocol has no close codes, so no "
                        + f.expectedCode() + " was expected)." : "."));
    }

    /**
     * The network failed under two live peers: PASS when both sides were told within the bound
     * and the client came back after the network did; DEGRADED when only one side was told, or
     * late; FAIL when neither side was told within the window or the client never came back.
     * Messages lost before detection are reported in the reason; they are the price of the
     * detection time, which is what is judged.
     */
    public static Judgement networkFault(TwoSided f, long boundMs) {
        String loss = f.silentLoss() > 0 ? "; " + f.silentLoss() + " message" + (f.silentLoss() == 1 ? " was" : "s were")
                + " reported sent but never arrived" : "";
        if (f.clientDetectMs() == null && f.serverDetectMs() == null) {
            return Judgement.fail("Neither side was told within the " + f.windowMs() + " ms window" + loss + ".");
        }
        String told = side("client", f.clientDetectMs()) + ", " + side("server", f.serverDetectMs());
        if (f.reconnectMs() == null) {
            return Judgement.fail("The client did not reconnect after the network recovered (" + told + ")" + loss + ".");
        }
        if (f.clientDetectMs() == null || f.serverDetectMs() == null) {
            return Judgement.degraded("Only one side was told: " + told + loss + ".");
        }
        if (Math.max(f.clientDetectMs(), f.serverDetectMs()) > boundMs) {
            return Judgement.degraded("Both sides were told, but later than the " + boundMs + " ms bound: " + told + loss + ".");
        }
        return Judgement.pass("Both sides were told within the bound (" + told + ") and the client reconnected "
                + fmt(f.reconnectMs()) + " ms after the network recovered" + loss + ".");
    }

    private static String side(String name, Double ms) {
        return ms == null ? name + " not told" : name + " after " + fmt(ms) + " ms";
    }

    /**
     * Send after close. A send on a session the stack knows is closed must be refused (FAIL
     * otherwise). After the peer was killed the application keeps sending: a stack that never
     * refuses within the wait FAILs, one that refuses only after the bound is DEGRADED. How many
     * sends were accepted before the refusal is a figure, not a verdict: it depends on a race with
     * the kernel that no stack controls.
     */
    public static Judgement sendAfterClose(List<SendCase> cases, long boundMs) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no send-after-close case was run");
        }
        List<SendCase> notTold = cases.stream().filter(c -> !c.told()).toList();
        if (!notTold.isEmpty()) {
            return Judgement.fail("A send on a gone session was never refused: " + describe(notTold) + ".");
        }
        List<SendCase> late = cases.stream().filter(c -> c.toldMs() != null && c.toldMs() > boundMs).toList();
        if (!late.isEmpty()) {
            return Judgement.degraded("Every send on a gone session was refused, but late: " + describe(late)
                    + " (bound " + boundMs + " ms).");
        }
        return Judgement.pass("Every send on a gone session was refused: " + describe(cases) + ".");
    }

    private static String describe(List<SendCase> cases) {
        return cases.stream().map(c -> c.role() + " after " + c.moment() + " -> " + c.outcome()
                        + (c.toldMs() == null ? "" : " at " + fmt(c.toldMs()) + " ms")
                        + (c.accepted() > 0 ? " after " + c.accepted() + " accepted" : ""))
                .collect(Collectors.joining(", "));
    }

    private static String fmt(Double ms) {
        return Millis.format(ms);
    }
}
