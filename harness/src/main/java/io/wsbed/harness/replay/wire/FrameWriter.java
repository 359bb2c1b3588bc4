package io.wsbed.harness.replay.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;

/**
 * Writes frames to one direction of a connection, each in a single write (header and payload
 * together, so a frame is never split by the writer). A client masks with a fresh key per frame
 * (RFC 6455 section 5.3); a server never masks.
 */
public final class FrameWriter {
    private final OutputStream out;
    private final SecureRandom random;

    /** @param mask whether this side is a client and must mask */
    public FrameWriter(OutputStream out, boolean mask) {
        this.out = out;
        this.random = mask ? new SecureRandom() : null;
    }

    public synchronized void write(Frame frame) throws IOException {
        byte[] payload = frame.payload();
        int n = payload.length;
        int lengthBytes = n < 126 ? 0 : n < 65536 ? 2 : 8;
        int header = 2 + lengthBytes + (random == null ? 0 : 4);
        byte[] buf = new byte[header + n];
        buf[0] = (byte) ((frame.fin() ? 0x80 : 0) | frame.opcode().code());
        int maskBit = random == null ? 0 : 0x80;
        if (lengthBytes == 0) {
            buf[1] = (byte) (maskBit | n);
        } else if (lengthBytes == 2) {
            buf[1] = (byte) (maskBit | 126);
            buf[2] = (byte) (n >>> 8);
            buf[3] = (byte) n;
        } else {
            buf[1] = (byte) (maskBit | 127);
            for (int i = 0; i < 8; i++) {
                buf[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
            }
        }
        if (random == null) {
            System.arraycopy(payload, 0, buf, header, n);
        } else {
            byte[] key = new byte[4];
            random.nextBytes(key);
            System.arraycopy(key, 0, buf, header - 4, 4);
            for (int i = 0; i < n; i++) {
                buf[header + i] = (byte) (payload[i] ^ key[i & 3]);
            }
        }
        out.write(buf);
        out.flush();
    }
}
