package io.wsbed.harness.replay.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * One WebSocket frame as it travels: FIN, opcode and the unmasked payload. Masking is the
 * writer's business; extensions are never negotiated, so the RSV bits are always zero.
 */
public record Frame(boolean fin, Opcode opcode, byte[] payload) {
    /** The longest payload of a control frame (RFC 6455 section 5.5). */
    public static final int MAX_CONTROL_PAYLOAD = 125;

    public Frame {
        if (opcode.control() && (!fin || payload.length > MAX_CONTROL_PAYLOAD)) {
            throw new IllegalArgumentException("a " + opcode.id() + " frame must be final and carry at most "
                    + MAX_CONTROL_PAYLOAD + " bytes, got fin=" + fin + " and " + payload.length + " bytes");
        }
    }

    public static Frame text(String text) {
        return new Frame(true, Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Frame binary(byte[] data) {
        return new Frame(true, Opcode.BINARY, data);
    }

    public static Frame pong(byte[] data) {
        return new Frame(true, Opcode.PONG, data);
    }

    /**
     * A Close frame with a status code and a reason (RFC 6455 section 5.5.1); a reason too long
     * for a control frame is cut at a character boundary.
     */
    public static Frame close(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int room = MAX_CONTROL_PAYLOAD - 2;
        if (text.length > room) {
            String cut = reason;
            while (cut.getBytes(StandardCharsets.UTF_8).length > room) {
                cut = cut.substring(0, cut.length() - 1);
            }
            text = cut.getBytes(StandardCharsets.UTF_8);
        }
        return new Frame(true, Opcode.CLOSE, ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text).array());
    }

    /** The status code of a Close frame; empty for a Close without one (and for any other frame). */
    public OptionalInt closeCode() {
        if (opcode != Opcode.CLOSE || payload.length < 2) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF));
    }

    /** The reason of a Close frame ("" when there is none). */
    public String closeReason() {
        if (opcode != Opcode.CLOSE || payload.length <= 2) {
            return "";
        }
        return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.fin == fin && f.opcode == opcode && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Boolean.hashCode(fin) + opcode.hashCode()) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return opcode.id() + (fin ? "" : " (not final)") + " " + payload.length + " bytes";
    }
}
