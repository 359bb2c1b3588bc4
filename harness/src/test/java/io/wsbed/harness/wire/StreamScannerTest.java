package io.wsbed.harness.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stream scanner on segments made by hand: where a head and a frame end when they are split
 * across segments, cut by the snap length, retransmitted, or when the capture missed a packet.
 */
class StreamScannerTest {
    private static final long ISN = 0xffff_fff0L; // the sequence numbers wrap inside every test

    private final StreamScanner scanner = new StreamScanner();
    private long seq = (ISN + 1) & 0xffff_ffffL;

    @Test
    void aHeadSplitAcrossSegmentsEndsAtItsBlankLineAndTheFramesAfterItAreFound() {
        scanner.syn(ISN);
        byte[] head = WebSocketBytes.RESPONSE;
        assertEquals(List.of(), send(Arrays.copyOfRange(head, 0, head.length - 2)));
        List<StreamScanner.Found> found = send(WebSocketBytes.concat(Arrays.copyOfRange(head, head.length - 2, head.length),
                WebSocketBytes.frame(0x9, new byte[0], false), WebSocketBytes.close(1006, "", false)));

        assertEquals(List.of(new StreamScanner.Head("HTTP/1.1 101 Switching Protocols"),
                new StreamScanner.Frame(9, -1, ""), new StreamScanner.Frame(8, 1006, "")), found);
    }

    @Test
    void aFrameHeaderSplitAcrossSegmentsAndALongPayloadBeyondTheSnapLengthKeepTheTrack() {
        scanner.syn(ISN);
        send(WebSocketBytes.REQUEST);
        byte[] big = WebSocketBytes.frame(0x2, new byte[70_000], true); // 64-bit length, masked
        assertEquals(List.of(), send(Arrays.copyOfRange(big, 0, 5)));
        assertEquals(List.of(), sendCut(Arrays.copyOfRange(big, 5, 40_000), 100));
        List<StreamScanner.Found> found = send(WebSocketBytes.concat(Arrays.copyOfRange(big, 40_000, big.length),
                WebSocketBytes.close(1000, "bye", true)));

        assertEquals(List.of(new StreamScanner.Frame(2, -1, ""), new StreamScanner.Frame(8, 1000, "bye")), found);
    }

    @Test
    void aRetransmittedSegmentIsNotReadTwice() {
        scanner.syn(ISN);
        send(WebSocketBytes.RESPONSE);
        byte[] ping = WebSocketBytes.frame(0x9, new byte[0], false);
        assertEquals(1, send(ping).size());
        seq = (seq - ping.length) & 0xffff_ffffL;

        assertEquals(List.of(), send(ping), "the same bytes again");
    }

    @Test
    void aGapInTheSequenceLosesTheTrackOnceAndForGood() {
        scanner.syn(ISN);
        send(WebSocketBytes.RESPONSE);
        seq = (seq + 10) & 0xffff_ffffL;
        List<StreamScanner.Found> found = send(WebSocketBytes.close(1000, "", false));

        assertEquals(1, found.size());
        assertTrue(found.get(0) instanceof StreamScanner.Lost l && l.why().contains("gap of 10 bytes"), found.toString());
        assertEquals(List.of(), send(WebSocketBytes.close(1000, "", false)));
    }

    @Test
    void aFrameHeaderBeyondTheCapturedBytesLosesTheTrack() {
        scanner.syn(ISN);
        send(WebSocketBytes.RESPONSE);
        List<StreamScanner.Found> found = sendCut(WebSocketBytes.concat(WebSocketBytes.frame(0x1, new byte[10], false),
                WebSocketBytes.close(1000, "", false)), 5);

        assertEquals(List.of(new StreamScanner.Frame(1, -1, ""),
                new StreamScanner.Lost("a frame header beyond the captured bytes")), found, "the first frame's end is known");
    }

    @Test
    void aHeadWhoseBlankLineIsBeyondTheCapturedBytesEndsWithItsSegment() {
        scanner.syn(ISN);
        List<StreamScanner.Found> found = sendCut(WebSocketBytes.REQUEST, 40);
        found.addAll(send(WebSocketBytes.close(1001, "", true)));

        assertEquals(List.of(new StreamScanner.Head("GET /ws HTTP/1.1"), new StreamScanner.Frame(8, 1001, "")), found);
    }

    @Test
    void aResponseOtherThan101CarriesNoFrames() {
        scanner.syn(ISN);
        List<StreamScanner.Found> found = send(WebSocketBytes.concat("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 2\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x88, 0}));

        assertEquals(List.of(new StreamScanner.Head("HTTP/1.1 502 Bad Gateway")), found);
    }

    @Test
    void aTlsStreamIsReportedSegmentBySegmentAndNeverReadAsFrames() {
        scanner.syn(ISN);
        byte[] clientHello = {22, 3, 1, 0, 4, 1, 0, 0, 0};
        byte[] looksLikeAClose = WebSocketBytes.close(1000, "", false); // encrypted bytes are not frames
        byte[] lookLikeAHead = "HTTP/1.1 101 Switching Protocols\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        assertEquals(List.of(new StreamScanner.Tls(true)), send(clientHello));
        scanner.expectHead(); // the peer's first flight must not turn the stream back into HTTP
        assertEquals(List.of(new StreamScanner.Tls(false)), send(looksLikeAClose));
        assertEquals(List.of(new StreamScanner.Tls(false)), send(lookLikeAHead));
    }

    @Test
    void aStreamWhoseSynTheCaptureDidNotSeeIsNotGuessedAt() {
        List<StreamScanner.Found> found = send(WebSocketBytes.close(1000, "", false));

        assertTrue(found.get(0) instanceof StreamScanner.Lost l && l.why().contains("before the capture"), found.toString());
    }

    private List<StreamScanner.Found> send(byte[] payload) {
        return sendCut(payload, payload.length);
    }

    /** A segment of {@code payload} of which the capture kept only the first {@code kept} bytes. */
    private List<StreamScanner.Found> sendCut(byte[] payload, int kept) {
        TcpSegment s = new TcpSegment(0, "a:1", "b:2", 1, 2, seq, TcpSegment.ACK, payload.length,
                Arrays.copyOf(payload, Math.min(kept, payload.length)));
        seq = (seq + payload.length) & 0xffff_ffffL;
        return new ArrayList<>(scanner.segment(s));
    }
}
