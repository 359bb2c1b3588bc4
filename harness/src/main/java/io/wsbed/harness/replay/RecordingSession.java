package io.wsbed.harness.replay;

import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.replay.wire.Opcode;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * One session being recorded, shared by the recorder and the recording proxy: stamps each frame
 * against the session's start, writes it, and writes the end line once, from the first thing that
 * ended the session (a Close frame, the end of a stream, an error, or the recorder stopping it).
 */
final class RecordingSession implements AutoCloseable {
    private final RecordingWriter writer;
    private final MicroClock clock;
    private final long startNanos;
    private final Runnable onEnd;
    private final Map<Peer, Integer> counts = new EnumMap<>(Peer.class);
    private Peer firstCloseBy;
    private Frame firstClose;
    private String stopping;
    private RecordingEnd end;

    private RecordingSession(RecordingWriter writer, MicroClock clock, long startNanos, Runnable onEnd) {
        this.writer = writer;
        this.clock = clock;
        this.startNanos = startNanos;
        this.onEnd = onEnd;
    }

    /**
     * Starts the recording: the file gets its header.
     *
     * @param start when the handshake completed ({@link System#nanoTime()}): at_us 0
     */
    static RecordingSession start(RecordingWriter writer, String mode, String url, String subprotocol, long start,
                                  Runnable onEnd) {
        MicroClock clock = new MicroClock();
        writer.header(new RecordingHeader(mode, url, clock.epochMicros(start), subprotocol));
        return new RecordingSession(writer, clock, start, onEnd);
    }

    /** Records a frame that began to arrive, or was sent, at {@code nanoTime}. Nothing is written after the end line. */
    synchronized void frame(Peer from, Frame frame, long nanoTime) {
        if (end != null) {
            return;
        }
        long at = Math.max(0, (nanoTime - startNanos) / 1_000);
        writer.frame(new RecordedFrame(at, clock.epochMicros(nanoTime), from, frame));
        counts.merge(from, 1, Integer::sum);
        if (frame.opcode() == Opcode.CLOSE && firstClose == null) {
            firstClose = frame;
            firstCloseBy = from;
        }
    }

    /** The recorder is about to end the session itself; the end line will say so, whatever follows. */
    synchronized void stopping(String why) {
        if (stopping == null) {
            stopping = why;
        }
    }

    /**
     * The stream from {@code side} ended ({@code error} null) or failed. The first call writes the
     * end line and runs the end action; later calls (the other direction following) do nothing.
     */
    void ended(Peer side, IOException error) {
        synchronized (this) {
            if (end != null) {
                return;
            }
            long now = System.nanoTime();
            long at = Math.max(0, (now - startNanos) / 1_000);
            long t = clock.epochMicros(now);
            Integer code = firstClose == null || firstClose.closeCode().isEmpty() ? null : firstClose.closeCode().getAsInt();
            String reason = firstClose == null ? null : firstClose.closeReason();
            if (stopping != null) {
                end = new RecordingEnd(at, t, RecordingEnd.How.STOPPED, null, code, reason, stopping);
            } else if (firstClose != null) {
                end = new RecordingEnd(at, t, RecordingEnd.How.CLOSE, firstCloseBy, code, reason, null);
            } else if (error != null) {
                end = new RecordingEnd(at, t, RecordingEnd.How.ERROR, side, null, null, error.toString());
            } else {
                end = new RecordingEnd(at, t, RecordingEnd.How.EOF, side, null, null, null);
            }
            writer.end(end);
            writer.close();
        }
        onEnd.run();
    }

    synchronized boolean hasEnded() {
        return end != null;
    }

    /** Whether a Close frame has gone either way. */
    synchronized boolean closing() {
        return firstClose != null || stopping != null;
    }

    /** "123 frames (120 from the server, 3 from the client) over 12.3 s; ended: ..." */
    synchronized String summary() {
        int server = counts.getOrDefault(Peer.SERVER, 0);
        int client = counts.getOrDefault(Peer.CLIENT, 0);
        String length = String.format(java.util.Locale.ROOT, "%.1f s",
                (end == null ? System.nanoTime() - startNanos : end.atMicros() * 1_000L) / 1e9);
        return (server + client) + " frames (" + server + " from the server, " + client + " from the client) over "
                + length + "; ended: " + (end == null ? "not yet" : end.describe());
    }

    @Override
    public synchronized void close() {
        writer.close();
    }
}
