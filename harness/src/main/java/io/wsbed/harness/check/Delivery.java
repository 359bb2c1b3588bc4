package io.wsbed.harness.check;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which messages reported sent never arrived. A message still in flight when the observation
 * ended is not lost: a send counts only when it was reported ok at least {@link #IN_FLIGHT_MS}
 * before the end of the observation, and a receipt counts wherever it is in the history (also
 * after that end, while the processes were shut down). A receiver the harness saw exit (a
 * {@code peer-gone} mark names it) will receive nothing more: every message to it counts.
 */
public final class Delivery {
    /** How long a message reported sent may still be on its way at the end of the observation. */
    public static final long IN_FLIGHT_MS = 500;

    private Delivery() {
    }

    /**
     * Messages {@code sender} reported sent ok on {@code senderSession} at or after
     * {@code fromMicros} that {@code receiver} never recorded as received on {@code receiverSession}.
     */
    public static long lost(History h, String sender, String senderSession, String receiver, String receiverSession,
                            long fromMicros) {
        Set<Long> received = h.events().stream()
                .filter(e -> e.source().equals(receiver) && e.ev().equals("recv") && receiverSession.equals(e.session()))
                .map(e -> e.num("seq", -1))
                .collect(Collectors.toSet());
        boolean receiverGone = h.marks("peer-gone").stream().anyMatch(m -> receiver.equals(m.str("target")));
        long sentBy = h.observedUntil() - (receiverGone ? 0 : IN_FLIGHT_MS * 1000);
        return h.events().stream()
                .filter(e -> e.source().equals(sender) && e.ev().equals("sent") && senderSession.equals(e.session()))
                .filter(e -> e.tMicros() >= fromMicros && e.tMicros() <= sentBy)
                .filter(e -> "ok".equals(e.str("outcome")) && e.num("seq", -1) >= 0)
                .filter(e -> !received.contains(e.num("seq", -1)))
                .count();
    }

    /** {@link #lost} counted from the start of the session. */
    public static long lost(History h, String sender, String senderSession, String receiver, String receiverSession) {
        return lost(h, sender, senderSession, receiver, receiverSession, Long.MIN_VALUE);
    }
}
