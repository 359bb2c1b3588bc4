package io.wsbed.harness.verdict;

/**
 * The facts a verdict needs when the network between two live peers fails: when each side was
 * told (null = not within the window) and whether the client came back once the network did.
 *
 * @param clientDetectMs ms from the fault until the client was told, or null
 * @param serverDetectMs ms from the fault until the server was told, or null
 * @param windowMs the observation window
 * @param reconnectMs ms from the network's recovery until the client's new session, or null
 * @param silentLoss messages reported sent ok after the fault that never arrived
 */
public record TwoSided(Double clientDetectMs, Double serverDetectMs, long windowMs, Double reconnectMs, long silentLoss) {
}
