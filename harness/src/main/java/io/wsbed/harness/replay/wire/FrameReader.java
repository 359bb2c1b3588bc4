package io.wsbed.harness.replay.wire;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/**
 * Reads frames from one direction of a connection (RFC 6455 section 5.2). A server reads masked
 * frames and a client unmasked ones; the other kind is a protocol error (section 5.1), as are RSV
 * bits (no extension is ever negotiated) and a payload over the limit.
 */
public final class FrameReader {
    private final DataInputStream in;
    private final boolean masked;
    private final long maxPayload;
    private long frameStartNanos;

    /**
     * @param masked whether the peer masks its frames (it is a client)
     * @param maxPayload the largest payload accepted, in bytes
     */
    public FrameReader(InputStream in, boolean masked, long maxPayload) {
        this.in = new DataInputStream(in);
        this.masked = masked;
        this.maxPayload = maxPayload;
    }

    /** The next frame, or null when the stream ended cleanly before one began. */
    public Frame read() throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        frameStartNanos = System.nanoTime();
        int b1 = in.readUnsignedByte();
        if ((b0 & 0x70) != 0) {
            throw new ProtocolException("RSV bits set in a frame, but no extension was negotiated (RFC 6455 section 5.2)");
        }
        boolean fin = (b0 & 0x80) != 0;
        Opcode opcode = Opcode.of(b0 & 0x0F);
        if (((b1 & 0x80) != 0) != masked) {
            throw new ProtocolException(masked ? "an unmasked frame from a client (RFC 6455 section 5.1)"
                    : "a masked frame from a server (RFC 6455 section 5.1)");
        }
        long length = length(b1 & 0x7F);
        if (opcode.control() && (length > Frame.MAX_CONTROL_PAYLOAD || !fin)) {
            throw new ProtocolException("a " + opcode.id() + " frame of " + length + " bytes, fin=" + fin
                    + " (RFC 6455 section 5.5)");
        }
        if (length > maxPayload) {
            throw new ProtocolException("a frame of " + length + " bytes, over the limit of " + maxPayload);
        }
        byte[] key = new byte[4];
        if (masked) {
            in.readFully(key);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if (masked) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= key[i & 3];
            }
        }
        return new Frame(fin, opcode, payload);
    }

    /** When the first byte of the frame last read arrived ({@link System#nanoTime()}). */
    public long frameStartNanos() {
        return frameStartNanos;
    }

    private long length(int seven) throws IOException {
        if (seven == 126) {
            return in.readUnsignedShort();
        }
        if (seven == 127) {
            long n = in.readLong();
            if (n < 0) {
                throw new ProtocolException("a 64-bit frame length with the top bit set (RFC 6455 section 5.2)");
            }
            return n;
        }
        return seven;
    }
}
