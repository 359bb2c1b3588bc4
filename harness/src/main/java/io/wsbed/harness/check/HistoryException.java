package io.wsbed.harness.check;

import io.wsbed.harness.HarnessException;

/**
 * A history a checker cannot judge: a mark or a session the schedule always records is missing.
 * It means the harness broke (an ERROR cell), never that a stack misbehaved.
 */
public final class HistoryException extends HarnessException {
    public HistoryException(String message) {
        super(message);
    }
}
