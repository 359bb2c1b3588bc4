package io.wsbed.harness.replay;

import static io.wsbed.harness.replay.ReplayRig.frames;
import static io.wsbed.harness.replay.ReplayRig.record;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.replay.wire.Opcode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record a real server (Jetty), replay the recording, record the replay: the same frames in the
 * same order, each within {@value #TOLERANCE_MS} ms of its recorded time (a bound for a busy
 * two-core machine; the measured accuracy is in docs/record-replay.md), and the same ending.
 */
class RoundTripTest {
    private static final long TOLERANCE_MS = 50;

    @TempDir
    Path dir;

    @Test
    void aRecordedSessionReplaysWithTheSameFramesTimingAndEnd() throws Exception {
        byte[] binary = new byte[300];
        new Random(6455).nextBytes(binary);
        Recording original;
        try (JettyScript jetty = new JettyScript().text(50, "{\"seq\":1}").text(150, "{\"seq\":2}").binary(250, binary)
                .ping(300).text(400, "\u00e9t\u00e9 \u20ac").close(600, 1000, "done").start()) {
            original = record(jetty.url(), dir.resolve("original.jsonl"), Duration.ofSeconds(5));
        }
        assertEquals(List.of(Opcode.TEXT, Opcode.TEXT, Opcode.BINARY, Opcode.PING, Opcode.TEXT, Opcode.CLOSE),
                frames(original, Peer.SERVER).stream().map(Frame::opcode).toList(), "what Jetty sent");
        assertEquals(List.of(Opcode.PONG, Opcode.CLOSE), frames(original, Peer.CLIENT).stream().map(Frame::opcode).toList(),
                "the recorder answers the ping and the Close");
        RecordingEnd end = original.end().orElseThrow();
        assertEquals(RecordingEnd.How.CLOSE, end.how());
        assertEquals(Peer.SERVER, end.by());
        assertEquals(1000, end.code());
        assertEquals("done", end.reason());

        Recording replayed;
        try (ReplayServer replay = ReplayRig.serve(original, Optional.empty(), 1.0, ReplayRig.quietEvents())) {
            replayed = record(replay.url().toString(), dir.resolve("replayed.jsonl"), Duration.ofSeconds(5));
        }
        assertEquals(frames(original, Peer.SERVER), frames(replayed, Peer.SERVER), "the replay sends what Jetty sent");
        assertArrayEquals(binary, frames(replayed, Peer.SERVER).get(2).payload());
        assertEquals(end.how(), replayed.end().orElseThrow().how());
        assertEquals(end.code(), replayed.end().orElseThrow().code());
        assertEquals(end.reason(), replayed.end().orElseThrow().reason());
        List<RecordedFrame> a = original.frames().stream().filter(f -> f.from() == Peer.SERVER).toList();
        List<RecordedFrame> b = replayed.frames().stream().filter(f -> f.from() == Peer.SERVER).toList();
        for (int i = 0; i < a.size(); i++) {
            long deltaMs = Math.abs(a.get(i).atMicros() - b.get(i).atMicros()) / 1000;
            assertTrue(deltaMs <= TOLERANCE_MS, "frame " + i + " (" + a.get(i).frame() + ") recorded at "
                    + a.get(i).atMicros() + " us, replayed at " + b.get(i).atMicros() + " us");
        }
    }

    @Test
    void aOneMibFrameTextOrBinaryArrivesWholeAtARealClientAndInTheRecording() throws Exception {
        byte[] mib = new byte[1 << 20];
        new Random(1).nextBytes(mib);
        String text = "x".repeat((1 << 20) - 2) + "\u00e9";
        Path file = dir.resolve("big.jsonl");
        try (RecordingWriter w = RecordingWriter.open(file)) {
            w.header(new RecordingHeader("client", "ws://127.0.0.1:1/ws", 0, null));
            w.frame(new RecordedFrame(20_000, 20_000, Peer.SERVER, Frame.binary(mib)));
            w.frame(new RecordedFrame(40_000, 40_000, Peer.SERVER, Frame.text(text)));
            w.frame(new RecordedFrame(60_000, 60_000, Peer.SERVER, Frame.close(1000, "")));
            w.end(new RecordingEnd(61_000, 61_000, RecordingEnd.How.CLOSE, Peer.SERVER, 1000, "", null));
        }
        Recording big = RecordingReader.read(file);
        assertEquals(1 << 20, big.frames().get(0).frame().payload().length);
        try (ReplayServer replay = ReplayRig.serve(big, Optional.empty(), 1.0, ReplayRig.quietEvents());
             JdkClient client = JdkClient.connect(replay.url().toString())) {
            assertArrayEquals(mib, client.await(JdkClient.kind("binary"), Duration.ofSeconds(5), "1 MiB binary").data());
            assertEquals(text, client.await(JdkClient.kind("text"), Duration.ofSeconds(5), "1 MiB text").text());
            assertEquals(1000, client.await(JdkClient.kind("close"), Duration.ofSeconds(5), "the close").code());
            Recording again = record(replay.url().toString(), dir.resolve("again.jsonl"), Duration.ofSeconds(5));
            assertEquals(frames(big, Peer.SERVER), frames(again, Peer.SERVER));
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, frames(again, Peer.SERVER).get(1).payload().length);
        }
    }
}
