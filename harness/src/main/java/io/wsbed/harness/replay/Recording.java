package io.wsbed.harness.replay;

import java.util.List;
import java.util.Optional;

/**
 * A recorded WebSocket session: the header, every frame both ways in order, and how it ended
 * (absent when the recorder was killed before it could say). Schema {@value #SCHEMA}, documented
 * in docs/record-replay.md.
 */
public record Recording(RecordingHeader header, List<RecordedFrame> frames, Optional<RecordingEnd> end) {
    public static final String SCHEMA = "wsbed.recording/1";

    public Recording {
        frames = List.copyOf(frames);
    }

    /** From the start to the end line, or to the last frame when there is none. */
    public long lengthMicros() {
        long last = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).atMicros();
        return end.map(e -> Math.max(e.atMicros(), last)).orElse(last);
    }
}
