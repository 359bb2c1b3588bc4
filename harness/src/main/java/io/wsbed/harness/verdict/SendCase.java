package io.wsbed.harness.verdict;

import io.wsbed.stack.api.SendOutcome;

/**
 * One send-after-close case: which role sent, at which moment, what the send API finally
 * answered, and how long after the session was gone the application was told.
 *
 * @param role "client" or "server"
 * @param moment "local-close", "remote-close" or "peer-killed"
 * @param outcome ok, threw, failed, false, silent, or none (no answer within the wait)
 * @param toldMs ms from the moment the session was gone until a send was refused, or null
 * @param accepted sends accepted as ok before one was refused (peer-killed keeps sending)
 */
public record SendCase(String role, String moment, String outcome, Double toldMs, long accepted) {

    /** A single send with its answer. */
    public SendCase(String role, String moment, String outcome) {
        this(role, moment, outcome, null, 0);
    }

    /** Whether the application was told the message did not go out. */
    public boolean told() {
        return SendOutcome.endsSession(outcome);
    }
}
