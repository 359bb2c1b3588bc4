package io.wsbed.harness.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.ConfigurationException;
import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.replay.wire.Opcode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wsbed.recording/1 written and read back, and every way a file can be wrong, each named by its line. */
class RecordingFormatTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfFrameAndTheEndSurviveTheFile() {
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        List<RecordedFrame> frames = List.of(
                new RecordedFrame(10, 1_010, Peer.SERVER, Frame.text("{\"seq\":1}")),
                new RecordedFrame(20, 1_020, Peer.SERVER, Frame.binary(new byte[] {0, 1, (byte) 255})),
                new RecordedFrame(30, 1_030, Peer.SERVER, new Frame(false, Opcode.TEXT, Arrays.copyOf(euro, 2))),
                new RecordedFrame(31, 1_031, Peer.SERVER, new Frame(true, Opcode.CONTINUATION, Arrays.copyOfRange(euro, 2, 3))),
                new RecordedFrame(40, 1_040, Peer.SERVER, new Frame(true, Opcode.PING, new byte[] {9})),
                new RecordedFrame(41, 1_041, Peer.CLIENT, Frame.pong(new byte[] {9})),
                new RecordedFrame(50, 1_050, Peer.SERVER, Frame.close(4000, "bye \u00e9")),
                new RecordedFrame(51, 1_051, Peer.CLIENT, new Frame(true, Opcode.CLOSE, new byte[0])));
        Path file = dir.resolve("all.jsonl");
        try (RecordingWriter w = RecordingWriter.open(file)) {
            w.header(new RecordingHeader("client", "ws://127.0.0.1:1/ws", 1_000, "chat"));
            frames.forEach(w::frame);
            w.end(new RecordingEnd(60, 1_060, RecordingEnd.How.CLOSE, Peer.SERVER, 4000, "bye \u00e9", null));
        }
        Recording r = RecordingReader.read(file);
        assertEquals(new RecordingHeader("client", "ws://127.0.0.1:1/ws", 1_000, "chat"), r.header());
        assertEquals(frames, r.frames());
        assertEquals(new RecordingEnd(60, 1_060, RecordingEnd.How.CLOSE, Peer.SERVER, 4000, "bye \u00e9", null),
                r.end().orElseThrow());
        assertEquals(60, r.lengthMicros());
    }

    @Test
    void textStaysReadableAndOnlyBytesThatAreNotUtf8GoToBase64() throws Exception {
        Path file = dir.resolve("text.jsonl");
        try (RecordingWriter w = RecordingWriter.open(file)) {
            w.header(new RecordingHeader("client", "ws://x/ws", 0, null));
            w.frame(new RecordedFrame(1, 1, Peer.SERVER, Frame.text("{\"seq\":7}")));
            w.frame(new RecordedFrame(2, 2, Peer.SERVER, new Frame(false, Opcode.TEXT, new byte[] {(byte) 0xE2, (byte) 0x82})));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals("{\"schema\":\"wsbed.recording/1\",\"t\":0,\"mode\":\"client\",\"url\":\"ws://x/ws\"}", lines.get(0));
        assertEquals("{\"t\":1,\"at_us\":1,\"from\":\"server\",\"op\":\"text\",\"fin\":true,\"len\":9,\"text\":\"{\\\"seq\\\":7}\"}",
                lines.get(1));
        assertTrue(lines.get(2).endsWith("\"len\":2,\"b64\":\"4oI=\"}"), lines.get(2));
        assertFalse(RecordingReader.read(file).end().isPresent(), "a recording cut between lines has no end line");
    }

    @Test
    void aLineCutInTheMiddleIsAnErrorThatNamesTheLine() throws Exception {
        Path file = dir.resolve("cut.jsonl");
        Files.writeString(file, "{\"schema\":\"wsbed.recording/1\",\"t\":0,\"mode\":\"client\",\"url\":\"ws://x/ws\"}\n"
                + "{\"t\":1,\"at_us\":1,\"from\":\"server\",\"op\":\"text\",\"fin\":true,\"len\":1,\"text\":\"a\"}\n"
                + "{\"t\":2,\"at_us\":2,\"from\":\"server\",\"op\":\"te");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> RecordingReader.read(file));
        assertEquals("Configuration error: " + file + " line 3 is cut off in the middle (41 characters of an unfinished "
                + "JSON object): the file ends inside this line, as when the recorder was killed while writing; delete "
                + "the line to replay what came before it", e.getMessage());
    }

    @Test
    void anUnknownSchemaVersionIsRefused() throws Exception {
        Path file = dir.resolve("v2.jsonl");
        Files.writeString(file, "{\"schema\":\"wsbed.recording/2\",\"t\":0}\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> RecordingReader.read(file));
        assertEquals("Configuration error: " + file + " line 1 has schema 'wsbed.recording/2', which this wsbed does "
                + "not read: it reads wsbed.recording/1 only (record again with this wsbed, or replay with the wsbed "
                + "that wrote it)", e.getMessage());
        Files.writeString(file, "{\"hello\":1}\n");
        assertTrue(assertThrows(ConfigurationException.class, () -> RecordingReader.read(file)).getMessage()
                .contains("line 1 is not the header of a wsbed recording"));
    }

    @Test
    void aBrokenFieldIsNamedWithItsLine() throws Exception {
        String header = "{\"schema\":\"wsbed.recording/1\",\"t\":0,\"mode\":\"client\",\"url\":\"ws://x/ws\"}\n";
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, header + "{\"t\":1,\"at_us\":1,\"from\":\"middle\",\"op\":\"text\"}\n");
        assertTrue(message(file).contains("line 2 has \"from\": \"middle\""), message(file));
        Files.writeString(file, header + "\n{\"t\":1,\"at_us\":1,\"from\":\"server\",\"op\":\"text\",\"len\":5,\"text\":\"abc\"}\n");
        assertTrue(message(file).contains("line 3 says len 5 but its payload holds 3 bytes"), message(file));
        Files.writeString(file, header + "{\"t\":1,\"at_us\":1,\"end\":\"eof\",\"by\":\"server\"}\n"
                + "{\"t\":2,\"at_us\":2,\"from\":\"server\",\"op\":\"text\"}\n");
        assertTrue(message(file).contains("line 3 comes after the end line (line 2)"), message(file));
        Files.writeString(file, header + "{\"t\":1,\"from\":\"server\",\"op\":\"ping\",\"b64\":\"" + "A".repeat(200) + "\"}\n");
        assertTrue(message(file).contains("line 2 has no whole non-negative number \"at_us\""), message(file));
        assertTrue(message(dir.resolve("none.jsonl")).contains("does not exist"));
    }

    private static String message(Path file) {
        return assertThrows(ConfigurationException.class, () -> RecordingReader.read(file)).getMessage();
    }
}
