package io.wsbed.stack.api;

import java.util.Locale;

/**
 * What a send API answered, as the {@code outcome} field of a {@code sent} event says it, and the
 * one definition of which answers end the session for the application: a refused send (an
 * exception, a failure callback, a {@code false} return) tells the application the session is
 * unusable; {@code ok} and {@code silent} (the API took the message and will never report on it)
 * tell it nothing. The stack runtime and the harness's checkers both use this rule.
 */
public enum SendOutcome {
    OK,
    SILENT,
    FAILED,
    FALSE,
    THREW;

    /** The word on the wire: "ok", "silent", "failed", "false", "threw". */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the application learned from this answer that the message did not go out. */
    public boolean endsSession() {
        return this == FAILED || this == FALSE || this == THREW;
    }

    /** {@link #endsSession()} of an outcome word read from an event line; unknown or absent words end nothing. */
    public static boolean endsSession(String wire) {
        for (SendOutcome o : values()) {
            if (o.wire().equals(wire)) {
                return o.endsSession();
            }
        }
        return false;
    }
}
