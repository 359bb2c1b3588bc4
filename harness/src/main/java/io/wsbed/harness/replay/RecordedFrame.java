package io.wsbed.harness.replay;

import io.wsbed.harness.replay.wire.Frame;
import java.util.Objects;

/**
 * One line of a recording: a frame, who sent it, and when.
 *
 * @param atMicros microseconds from the start of the session (the end of the opening handshake)
 * @param tMicros the same moment in epoch microseconds, on the recorder's clock
 */
public record RecordedFrame(long atMicros, long tMicros, Peer from, Frame frame) {
    public RecordedFrame {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(frame, "frame");
        if (atMicros < 0) {
            throw new IllegalArgumentException("at_us must not be negative, got " + atMicros);
        }
    }
}
