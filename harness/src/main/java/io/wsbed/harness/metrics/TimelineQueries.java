package io.wsbed.harness.metrics;

import io.wsbed.harness.timeline.Event;
import io.wsbed.stack.api.SendOutcome;
import java.util.List;
import java.util.Optional;

/**
 * The questions every scenario asks of a timeline: which session was open at a moment, when a
 * side was first told its session ended, which messages were reported sent but never arrived.
 * All figures come from recorded events only.
 */
public final class TimelineQueries {
    private TimelineQueries() {
    }

    /** The session {@code source} had open at {@code tMicros}: its last open before then that was not yet closed. */
    public static Optional<String> sessionAt(List<Event> events, String source, long tMicros) {
        String open = null;
        for (Event e : events) {
            if (e.tMicros() > tMicros) {
                break;
            }
            if (!e.source().equals(source)) {
                continue;
            }
            if (e.ev().equals("open")) {
                open = e.session();
            } else if (endsSession(e) && e.session() != null
                    && e.session().equals(open)) {
                open = null;
            }
        }
        return Optional.ofNullable(open);
    }

    /**
     * The first event at or after {@code t0Micros} by which {@code source}'s application learned
     * that {@code session} is over: a close, an error, or a send its stack refused.
     */
    public static Optional<Event> firstEnd(List<Event> events, String source, String session, long t0Micros) {
        return events.stream()
                .filter(e -> e.source().equals(source) && e.tMicros() >= t0Micros)
                .filter(TimelineQueries::endsSession)
                .filter(e -> session.equals(e.session()))
                .findFirst();
    }

    /**
     * A numbered message that arrived on the WebSocket: a {@code recv} that the polling fallback did
     * not deliver ({@code via: "poll"} has no session and says nothing about the socket).
     */
    public static boolean socketRecv(Event e) {
        return e.ev().equals("recv") && !"poll".equals(e.str("via"));
    }

    /**
     * Whether this event told its process's application that the session is over: a close, an
     * error, or a send the stack refused ({@link SendOutcome#endsSession(String)}). The one
     * definition the checkers and the report use.
     */
    public static boolean endsSession(Event e) {
        return endsSession(e.ev(), e.str("outcome"));
    }

    /** {@link #endsSession(Event)} of an event name and, for a {@code sent} event, its outcome. */
    public static boolean endsSession(String ev, String outcome) {
        return ev.equals("close") || ev.equals("error") || ev.equals("sent") && SendOutcome.endsSession(outcome);
    }

    /** The close event of a session reported by {@code source}, if any. */
    public static Optional<Event> closeOf(List<Event> events, String source, String session) {
        return events.stream()
                .filter(e -> e.source().equals(source) && e.ev().equals("close") && session.equals(e.session()))
                .findFirst();
    }

    /** The first error event of a session reported by {@code source}, if any. */
    public static Optional<Event> errorOf(List<Event> events, String source, String session) {
        return events.stream()
                .filter(e -> e.source().equals(source) && e.ev().equals("error") && session.equals(e.session()))
                .findFirst();
    }

    /** How many {@code reconnect} events {@code source} reported in [from, to]. */
    public static long reconnectAttempts(List<Event> events, String source, long fromMicros, long toMicros) {
        return events.stream()
                .filter(e -> e.source().equals(source) && e.ev().equals("reconnect"))
                .filter(e -> e.tMicros() >= fromMicros && e.tMicros() <= toMicros)
                .count();
    }

    /**
     * Sends {@code source}'s application started after {@code tMicros} (the event's time less its
     * {@code latency_us}) that its stack reported ok: messages it was told went out although the
     * peer was already known to be gone. A send started before and answered after does not count;
     * how long the answer took depends on the machine, not on what the stack knew.
     */
    public static long okSendsStartedAfter(List<Event> events, String source, String session, long tMicros) {
        return events.stream()
                .filter(e -> e.source().equals(source) && e.ev().equals("sent") && session.equals(e.session()))
                .filter(e -> e.tMicros() - e.num("latency_us", 0) > tMicros && "ok".equals(e.str("outcome")))
                .count();
    }

    /** Sends {@code source} reported ok on {@code session} after {@code t0Micros}. */
    public static long okSendsAfter(List<Event> events, String source, String session, long t0Micros) {
        return events.stream()
                .filter(e -> e.source().equals(source) && e.ev().equals("sent") && session.equals(e.session()))
                .filter(e -> e.tMicros() > t0Micros && "ok".equals(e.str("outcome")))
                .count();
    }

    /** Milliseconds between two instants, rounded to 0.1 ms. */
    public static double ms(long fromMicros, long toMicros) {
        return Math.round((toMicros - fromMicros) / 100.0) / 10.0;
    }

    /** "1006 Session Closed" for a close, "java.io.IOException" for an error. */
    public static String told(Event end) {
        if (end.ev().equals("close")) {
            String reason = end.str("reason");
            long code = end.num("code", -1);
            // A stack that reports a close without any code (Undertow after a reset) says -1.
            return "close " + (code < 0 ? "without a code" : Long.toString(code))
                    + (reason == null || reason.isEmpty() ? "" : " \"" + reason + "\"");
        }
        if (end.ev().equals("sent")) {
            String error = end.str("error");
            return "send " + end.str("outcome") + (error == null ? "" : " " + errorClass(error));
        }
        return "error " + errorClass(end.str("error"));
    }

    /** The class part of a contract error string "{@code <class>: <message>}". */
    public static String errorClass(String error) {
        if (error == null) {
            return null;
        }
        int colon = error.indexOf(':');
        return colon < 0 ? error : error.substring(0, colon);
    }
}
