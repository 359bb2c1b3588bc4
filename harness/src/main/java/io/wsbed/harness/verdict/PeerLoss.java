package io.wsbed.harness.verdict;

/**
 * The facts a verdict needs when one peer went away (killed, stopped, cut off).
 *
 * @param side the side that must notice: "client" or "server"
 * @param detectMs ms from the stimulus until that side was told, or null if it never was
 * @param windowMs the observation window
 * @param reconnectExpected whether the client had to come back (the server was restarted)
 * @param reconnectMs ms from the server being back until the client's new session, or null
 * @param silentLoss messages the side's application started sending after the peer process was
 *     seen gone and was told were sent ok (messages in flight at the moment of the fault are
 *     inherent to TCP and not counted here)
 * @param inFlightLost messages reported sent ok before the peer was gone that never arrived
 *     (reported, not judged)
 * @param expectedCode the close code the side should see, or null when any report will do
 * @param seenCode the close code the side saw, or null when it saw an error or nothing
 */
public record PeerLoss(String side, Double detectMs, long windowMs, boolean reconnectExpected, Double reconnectMs,
                       long silentLoss, long inFlightLost, Integer expectedCode, Integer seenCode) {
}
