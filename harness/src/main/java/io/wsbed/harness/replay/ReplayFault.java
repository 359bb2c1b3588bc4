package io.wsbed.harness.replay;

import io.wsbed.harness.HarnessException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault a replay applies to each connection, and when: {@code crash@5}, {@code reset@5},
 * {@code close:1011@5}, {@code stall@5}, {@code idle@5}. The moment is in seconds of the
 * recording from the connection's start, so the same frames come before it at any --speed.
 *
 * @param code the status code of a CLOSE fault (0 for the others)
 */
public record ReplayFault(Kind kind, long atMicros, int code) {
    private static final Pattern SPEC = Pattern.compile("(crash|reset|stall|idle|close:(\\d{1,5}))@(\\d+(?:\\.\\d+)?)s?");
    private static final String SYNTAX = "crash@S, reset@S, close:CODE@S, stall@S, idle@S (S = seconds into the "
            + "recording, e.g. crash@5 or close:1011@2.5), or none";

    /** What the replay server does at the moment. */
    public enum Kind {
        /** The TCP connection ends without a Close frame (a FIN), as when the server process is killed. */
        CRASH,
        /** The TCP connection is reset (RST, SO_LINGER 0), as a middlebox or a dying host with unread data does. */
        RESET,
        /** A Close frame with the fault's code; the connection ends after the client's answer (or 2 s). */
        CLOSE,
        /** Nothing more is sent and nothing more is read (no pong, no Close answer): a hung server; the connection stays. */
        STALL,
        /** No more messages, but the server stays responsive (pongs, the Close handshake): a quiet, healthy server. */
        IDLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ReplayFault {
        if (atMicros < 0) {
            throw new IllegalArgumentException("a fault moment must not be negative, got " + atMicros + " us");
        }
    }

    /** Parses a --fault value; "none" is no fault. A malformed value is a one-line configuration error. */
    public static Optional<ReplayFault> parse(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        if (s.equals("none")) {
            return Optional.empty();
        }
        Matcher m = SPEC.matcher(s);
        if (!m.matches()) {
            throw HarnessException.configuration("--fault '" + spec + "' is not one of " + SYNTAX);
        }
        long at = Math.round(Double.parseDouble(m.group(3)) * 1_000_000);
        if (m.group(2) == null) {
            return Optional.of(new ReplayFault(Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT)), at, 0));
        }
        return Optional.of(close(Integer.parseInt(m.group(2)), at));
    }

    /**
     * A Close with {@code code} at {@code atMicros}. Codes a Close frame must not carry (1005, 1006,
     * 1015, RFC 6455 section 7.4.1; 1004 is reserved) and codes outside 1000-4999 are refused.
     */
    public static ReplayFault close(int code, long atMicros) {
        if (code < 1000 || code > 4999 || code == 1004 || code == 1005 || code == 1006 || code == 1015) {
            throw HarnessException.configuration("close code " + code + " cannot be sent in a Close frame (RFC 6455 "
                    + "section 7.4): use 1000-1003, 1007-1014 or 3000-4999" + (code == 1006
                    ? "; what a client reports as 1006 is a connection dropped without a Close: --fault crash@S" : ""));
        }
        return new ReplayFault(Kind.CLOSE, atMicros, code);
    }

    /** The --fault form: "crash@5", "close:1011@2.5". */
    public String spec() {
        String seconds = String.format(Locale.ROOT, "%.6f", atMicros / 1e6).replaceAll("0+$", "").replaceAll("\\.$", "");
        return (kind == Kind.CLOSE ? "close:" + code : kind.id()) + "@" + seconds;
    }
}
