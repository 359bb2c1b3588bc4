package io.wsbed.harness.verdict;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The verdict rules of DESIGN.md section 3. PASS: the fault was surfaced within the bound,
 * nothing was lost silently, and the client came back where it had to. DEGRADED: surfaced, but
 * late, with the wrong code, or with silent loss. FAIL: not surfaced within the window, or no
 * reconnect.
 */
public final class VerdictRules {
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
        if (f.expectedCode() != null && !f.expectedCode().equals(f.seenCode())) {
            return Judgement.degraded("The " + side + " was told after " + fmt(f.detectMs()) + " ms, but with "
                    + (f.seenCode() == null ? "an error and no close code" : "close code " + f.seenCode())
                    + " instead of " + f.expectedCode() + ".");
        }
        if (f.silentLoss() > 0) {
            return Judgement.degraded(f.silentLoss() + " message" + (f.silentLoss() == 1 ? " was" : "s were")
                    + " reported sent but never arrived, although the " + side + " was told after " + fmt(f.detectMs()) + " ms.");
        }
        return Judgement.pass("The " + side + " was told after " + fmt(f.detectMs()) + " ms"
                + (f.reconnectExpected() ? " and reconnected " + fmt(f.reconnectMs()) + " ms after the server was back" : "")
                + ", with nothing lost silently.");
    }

    /**
     * Send after close: a send on a session the stack knows is closed must be refused
     * (FAIL otherwise); a send right after the peer died can only be refused once the stack
     * noticed, so accepting it is DEGRADED (silent loss), not FAIL.
     */
    public static Judgement sendAfterClose(List<SendCase> cases) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no send-after-close case was run");
        }
        List<SendCase> silentKnown = cases.stream()
                .filter(c -> !c.moment().equals("peer-killed") && !c.told()).toList();
        if (!silentKnown.isEmpty()) {
            return Judgement.fail("A send on a session already closed was not refused: " + describe(silentKnown) + ".");
        }
        List<SendCase> silentKilled = cases.stream().filter(c -> !c.told()).toList();
        if (!silentKilled.isEmpty()) {
            return Judgement.degraded("Sends after a close were refused, but a send right after the peer was killed was "
                    + "accepted without error: " + describe(silentKilled) + ".");
        }
        return Judgement.pass("Every send after a close was refused: " + describe(cases) + ".");
    }

    private static String describe(List<SendCase> cases) {
        return cases.stream().map(c -> c.role() + " after " + c.moment() + " -> " + c.outcome())
                .collect(Collectors.joining(", "));
    }

    static String fmt(Double ms) {
        if (ms == null) {
            return "-";
        }
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }
}
