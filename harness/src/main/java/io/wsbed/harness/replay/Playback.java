package io.wsbed.harness.replay;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.replay.wire.Opcode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a replay plays to each client, in recording time: the frames the server sent, except the
 * ones that answered the recorded client (pongs, and a Close the client began), because the
 * replay answers the live client itself. The recorded ending is played too: the server's own
 * Close is a frame like the others, and a server whose stream ended without one is a drop at that
 * moment. With --loop the frames repeat, one recording length apart, and the ending is never played.
 */
public final class Playback {
    /** The shortest recording that can loop: anything shorter would be a busy loop. */
    private static final long MIN_LOOP_MICROS = 1_000;

    private final List<RecordedFrame> frames;
    private final long periodMicros;
    private final boolean loop;
    private final Optional<Long> dropAtMicros;

    private Playback(List<RecordedFrame> frames, long periodMicros, boolean loop, Optional<Long> dropAtMicros) {
        this.frames = List.copyOf(frames);
        this.periodMicros = periodMicros;
        this.loop = loop;
        this.dropAtMicros = dropAtMicros;
    }

    public static Playback of(Recording recording, boolean loop) {
        boolean serverClosed = recording.end().map(e -> e.how() == RecordingEnd.How.CLOSE && e.by() == Peer.SERVER)
                .orElse(false);
        List<RecordedFrame> played = new ArrayList<>();
        for (RecordedFrame f : recording.frames()) {
            Opcode op = f.frame().opcode();
            if (f.from() == Peer.SERVER && op != Opcode.PONG && (op != Opcode.CLOSE || serverClosed && !loop)) {
                played.add(f);
                if (op == Opcode.CLOSE) {
                    break;
                }
            }
        }
        long period = recording.lengthMicros();
        if (loop && !played.isEmpty() && period < MIN_LOOP_MICROS) {
            throw HarnessException.configuration("the recording lasts " + period + " us: too short to --loop");
        }
        Optional<Long> drop = recording.end().filter(e -> !loop && e.by() == Peer.SERVER
                && (e.how() == RecordingEnd.How.EOF || e.how() == RecordingEnd.How.ERROR)).map(RecordingEnd::atMicros);
        return new Playback(played, period, loop && !played.isEmpty(), drop);
    }

    /** The n-th frame to send (0-based, counting on through the loops), or null when there is no more. */
    public RecordedFrame step(long n) {
        if (frames.isEmpty() || !loop && n >= frames.size()) {
            return null;
        }
        RecordedFrame f = frames.get((int) (n % frames.size()));
        long round = n / frames.size();
        return round == 0 ? f : new RecordedFrame(f.atMicros() + round * periodMicros, f.tMicros(), f.from(), f.frame());
    }

    /** When the recorded server dropped the connection without a Close, if it did (never with --loop). */
    public Optional<Long> dropAtMicros() {
        return dropAtMicros;
    }

    public int frameCount() {
        return frames.size();
    }

    /** "57 server frames over 30.0 s, looped" and what ends them. */
    public String describe() {
        String length = String.format(Locale.ROOT, "%.1f s", periodMicros / 1e6);
        String ending = loop ? ", looped every " + length
                : dropAtMicros.isPresent() ? ", then the connection dropped without a Close, as recorded"
                : !frames.isEmpty() && frames.get(frames.size() - 1).frame().opcode() == Opcode.CLOSE
                ? ", the last one the server's Close, as recorded" : ", then the connection kept open";
        return frames.size() + " server frames over " + length + ending;
    }
}
