package io.wsbed.stack.javawebsocket;

/**
 * Maps the heartbeat profile onto Java-WebSocket's only heartbeat, the "connection lost" check of
 * {@code AbstractWebSocket}: a timer that runs every {@code connectionLostTimeout} (whole seconds),
 * closes with 1006 each connection whose last pong is older than 1.5 times that interval, and
 * pings every other connection (source: {@code AbstractWebSocket.restartConnectionLostTimer} and
 * {@code executeConnectionLostDetection}, 1.6.0). Only pongs count as signs of life, and only the
 * pongs to its own pings arrive in practice.
 */
final class LostConnectionCheck {
    /** The library's pong deadline as a multiple of its interval. */
    static final double DEADLINE_FACTOR = 1.5;

    private LostConnectionCheck() {
    }

    /**
     * The interval in seconds whose 1.5x deadline is closest to {@code heartbeatTimeoutMs}, at least
     * 1 s (0 or less would switch the check off). For the profile's 1500 ms timeout this is 1 s: the
     * deadline is exactly 1500 ms, but the library pings every 1000 ms, not every 500 ms, and checks
     * only once a second, so a dead peer is closed 1 to 2 s after it died.
     */
    static int intervalSeconds(long heartbeatTimeoutMs) {
        return (int) Math.max(1, Math.round(heartbeatTimeoutMs / (DEADLINE_FACTOR * 1000)));
    }
}
