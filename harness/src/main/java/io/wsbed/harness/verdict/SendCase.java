package io.wsbed.harness.verdict;

/**
 * One send-after-close case: which role sent, at which moment, and what the send API answered.
 *
 * @param role "client" or "server"
 * @param moment "local-close", "remote-close" or "peer-killed"
 * @param outcome ok, threw, failed, false, silent, or none (no answer within the window)
 */
public record SendCase(String role, String moment, String outcome) {

    /** Whether the application was told the message did not go out. */
    public boolean told() {
        return outcome.equals("threw") || outcome.equals("failed") || outcome.equals("false");
    }
}
