package io.wsbed.harness.replay;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The last line of a recording: how the session ended and when.
 *
 * @param by who ended it: the side that sent the first Close, whose stream ended or failed; null
 *     when the recorder stopped it
 * @param code the status code of the first Close frame, if there was one with a code
 * @param detail the error (ERROR) or why the recorder stopped (STOPPED: "duration", "interrupted")
 */
public record RecordingEnd(long atMicros, long tMicros, How how, Peer by, Integer code, String reason, String detail) {

    /** How a session ended. */
    public enum How {
        /** A Close frame began the end ({@code by} sent it first). */
        CLOSE,
        /** The TCP stream of {@code by} ended without a Close frame. */
        EOF,
        /** Reading from {@code by} failed (a reset, a protocol error). */
        ERROR,
        /** The recorder ended the session itself (its duration was over, or it was interrupted). */
        STOPPED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<How> byId(String id) {
            return Arrays.stream(values()).filter(h -> h.id().equals(id)).findFirst();
        }
    }

    /** One line for a person: "close 1000 'bye' by the server", "eof by the server", ... */
    public String describe() {
        String who = by == null ? "the recorder" : "the " + by.id();
        return switch (how) {
            case CLOSE -> "Close " + (code == null ? "without a code" : code) + (reason == null || reason.isEmpty() ? ""
                    : " '" + reason + "'") + " from " + who;
            case EOF -> "the connection ended without a Close frame from " + who;
            case ERROR -> "reading from " + who + " failed: " + detail;
            case STOPPED -> "stopped by the recorder (" + detail + ")";
        };
    }
}
