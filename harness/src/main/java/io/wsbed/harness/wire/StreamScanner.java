package io.wsbed.harness.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the byte stream of one direction of one TCP connection through its segments: skips the
 * HTTP upgrade head up to its blank line ({@code \r\n\r\n}), then finds the WebSocket frames
 * (RFC 6455 section 5.2) by their lengths. Frame boundaries are tracked with the segments' real
 * payload lengths and sequence numbers, not with the bytes the capture kept, so a frame whose
 * payload lies beyond the snap length is skipped correctly; only a frame header that lies beyond
 * it (or a gap in the sequence numbers, a packet the capture missed) loses the track, which is
 * reported once and ends the scanning of that direction.
 *
 * <p>A head whose blank line lies beyond the captured bytes of its segment is taken to end with
 * that segment: a stack writes its upgrade head in one write and its first frame in another.
 *
 * <p>A stream whose first byte is 22 (a TLS handshake record; no HTTP request or response starts
 * so) is TLS, the wss path's client leg: its head and frames are encrypted, so the scanner reports
 * each segment that carries bytes as {@link Tls} and looks for nothing inside.
 */
final class StreamScanner {
    /** What the scanner found in a segment, in stream order. */
    sealed interface Found {
    }

    /** The HTTP head ended here; {@code line} is its first line ("GET /ws HTTP/1.1", "HTTP/1.1 101 ..."). */
    record Head(String line) implements Found {
    }

    /**
     * A whole WebSocket frame ended here.
     *
     * @param opcode 0 continuation, 1 text, 2 binary, 8 close, 9 ping, 10 pong
     * @param code the close code, or -1 (no code in the frame, or beyond the captured bytes)
     * @param reason the close reason as far as captured, or ""
     */
    record Frame(int opcode, int code, String reason) implements Found {
        boolean isData() {
            return opcode <= 2;
        }
    }

    /**
     * A segment of a TLS stream carried bytes; {@code first} for the stream's first (the
     * ClientHello, or the server's first flight), which stands where a plain stream's head would.
     */
    record Tls(boolean first) implements Found {
    }

    /** The TLS content type of a handshake record, the first byte of every TLS stream. */
    private static final int TLS_HANDSHAKE = 22;

    /** The track of frame boundaries was lost here; nothing more is found in this direction. */
    record Lost(String why) implements Found {
    }

    private enum Phase { HEAD, FRAMES, OPAQUE, LOST, TLS }

    private Phase phase = Phase.HEAD;
    private boolean seqKnown;
    private long nextSeq;
    // The HTTP head: its first line and the last bytes seen, to find "\r\n\r\n" across segments.
    private final StringBuilder firstLine = new StringBuilder();
    private boolean firstLineDone;
    private int tail;
    // The current frame: its header bytes so far, then how much of its payload is left.
    private final byte[] header = new byte[14];
    private int headerHave;
    private long payloadLeft = -1;
    private final byte[] closePayload = new byte[125];
    private int closeHave;
    private boolean closeCut;

    /** A SYN: the stream starts at the next sequence number. */
    void syn(long seq) {
        seqKnown = true;
        nextSeq = (seq + 1) & 0xffff_ffffL;
        phase = Phase.HEAD;
    }

    /**
     * The next bytes start an HTTP head: the peer's head asked for one (a request wants its
     * response; a response other than 101 lets the client send its next request on the same
     * connection, as Jetty's client does after nginx's 502). A stream whose track is lost stays lost.
     */
    void expectHead() {
        if (phase != Phase.LOST && phase != Phase.TLS) {
            phase = Phase.HEAD;
            firstLine.setLength(0);
            firstLineDone = false;
            tail = 0;
        }
    }

    /** Whether a head's first line is a response that switched the connection to WebSocket frames. */
    static boolean switched(String line) {
        return line.matches("HTTP/1\\.1 101( .*)?");
    }

    /** Scans one segment's payload; returns what ended in it. */
    List<Found> segment(TcpSegment s) {
        List<Found> found = new ArrayList<>();
        if (s.payloadLength() == 0 || phase == Phase.LOST) {
            return found;
        }
        if (!seqKnown) {
            return lose(found, "the connection began before the capture");
        }
        int offset = (int) (nextSeq - s.seq()); // bytes of this segment already seen (wraps correctly)
        if (offset < 0) {
            return lose(found, "a gap of " + (-offset) + " bytes: the capture missed a packet");
        }
        if (offset >= s.payloadLength()) {
            return found; // a retransmission of bytes already seen
        }
        nextSeq = (s.seq() + s.payloadLength()) & 0xffff_ffffL;
        if (phase == Phase.TLS) {
            found.add(new Tls(false));
            return found;
        }
        if (phase == Phase.HEAD && firstLine.isEmpty() && !firstLineDone && offset < s.payload().length
                && (s.payload()[offset] & 0xff) == TLS_HANDSHAKE) {
            phase = Phase.TLS;
            found.add(new Tls(true));
            return found;
        }
        int i = offset;
        while (i < s.payloadLength() && phase != Phase.LOST && phase != Phase.OPAQUE) {
            i = phase == Phase.HEAD ? head(s, i, found) : frames(s, i, found);
        }
        return found;
    }

    private List<Found> lose(List<Found> found, String why) {
        phase = Phase.LOST;
        found.add(new Lost(why));
        return found;
    }

    /** Reads head bytes from {@code i}; returns where the head's scanning stopped. */
    private int head(TcpSegment s, int i, List<Found> found) {
        byte[] p = s.payload();
        for (; i < p.length; i++) {
            int b = p[i] & 0xff;
            if (!firstLineDone) {
                if (b == '\r' || b == '\n' || firstLine.length() >= 120) {
                    firstLineDone = true;
                } else {
                    firstLine.append((char) b);
                }
            }
            tail = (tail << 8 | b);
            if (tail == 0x0d0a0d0a) {
                endHead(found);
                return i + 1;
            }
        }
        if (p.length < s.payloadLength()) {
            endHead(found); // the blank line lies beyond the captured bytes: the head ends with its segment
        }
        return s.payloadLength();
    }

    private void endHead(List<Found> found) {
        String line = firstLine.toString();
        found.add(new Head(line));
        // Frames follow a request (the client sends them only after a 101) and a 101 response;
        // after any other response (nginx's 502, a 404) the rest is a body, not frames.
        phase = line.startsWith("GET ") || switched(line) ? Phase.FRAMES : Phase.OPAQUE;
    }

    /** Reads frame bytes from {@code i}: a header, then its payload; returns where it stopped. */
    private int frames(TcpSegment s, int i, List<Found> found) {
        byte[] p = s.payload();
        if (payloadLeft < 0) {
            while (headerHave < headerLength()) {
                if (i >= s.payloadLength()) {
                    return i;
                }
                if (i >= p.length) {
                    lose(found, "a frame header beyond the captured bytes");
                    return s.payloadLength();
                }
                header[headerHave++] = p[i++];
            }
            String invalid = invalidHeader();
            if (invalid != null) {
                lose(found, invalid);
                return s.payloadLength();
            }
            payloadLeft = payloadLength();
            closeHave = 0;
            closeCut = false;
        }
        long take = Math.min(payloadLeft, s.payloadLength() - i);
        if (opcode() == 8) {
            for (int k = 0; k < take; k++) {
                if (!closeCut && i + k < p.length) {
                    closePayload[closeHave] = (byte) (p[i + k] ^ maskByte(closeHave));
                    closeHave++;
                } else {
                    closeCut = true;
                }
            }
        }
        payloadLeft -= take;
        i += (int) take;
        if (payloadLeft == 0) {
            found.add(frame());
            headerHave = 0;
            payloadLeft = -1;
        }
        return i;
    }

    /** How long the current header is, as far as its first two bytes tell. */
    private int headerLength() {
        if (headerHave < 2) {
            return 2;
        }
        int len7 = header[1] & 0x7f;
        return 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + (masked() ? 4 : 0);
    }

    private boolean masked() {
        return (header[1] & 0x80) != 0;
    }

    private int opcode() {
        return header[0] & 0x0f;
    }

    private long payloadLength() {
        int len7 = header[1] & 0x7f;
        if (len7 < 126) {
            return len7;
        }
        long n = 0;
        for (int k = 0; k < (len7 == 126 ? 2 : 8); k++) {
            n = n << 8 | (header[2 + k] & 0xff);
        }
        return n;
    }

    private int maskByte(int index) {
        return masked() ? header[headerLength() - 4 + index % 4] : 0;
    }

    /** Why the header cannot be a WebSocket frame's, or null (RFC 6455 section 5.2 and 5.5). */
    private String invalidHeader() {
        int op = opcode();
        if (op >= 3 && op <= 7 || op >= 11) {
            return "not a WebSocket frame (opcode " + op + ")";
        }
        if (op >= 8 && ((header[0] & 0x80) == 0 || (header[1] & 0x7f) > 125)) {
            return "not a WebSocket frame (a fragmented or long control frame)";
        }
        return payloadLength() < 0 ? "not a WebSocket frame (a negative length)" : null;
    }

    private Frame frame() {
        int op = opcode();
        if (op != 8) {
            return new Frame(op, -1, "");
        }
        int code = closeHave >= 2 ? (closePayload[0] & 0xff) << 8 | (closePayload[1] & 0xff) : -1;
        String reason = closeHave > 2 ? new String(closePayload, 2, closeHave - 2, StandardCharsets.UTF_8) : "";
        return new Frame(8, code, reason);
    }
}
