package io.wsbed.harness.replay;

import java.util.Optional;

/**
 * Everything a replay server plays to each client: the frames and ending, the fault, the speed,
 * and the subprotocol to accept.
 *
 * @param speed recorded time is divided by this (2.0 plays twice as fast)
 * @param subprotocol the recorded subprotocol, chosen when the client offers it; or null
 * @param path the request path the printed URL names (any path is served)
 */
public record ReplayPlan(Playback playback, Optional<ReplayFault> fault, double speed, String subprotocol, String path) {
    public ReplayPlan {
        if (!(speed > 0 && speed <= 1000)) {
            throw new IllegalArgumentException("speed must be above 0 and at most 1000, got " + speed);
        }
    }

    /** The wall-clock nanoseconds after a connection's start at which recording time {@code atMicros} is played. */
    public long wallNanos(long atMicros) {
        return (long) (atMicros * 1000.0 / speed);
    }
}
