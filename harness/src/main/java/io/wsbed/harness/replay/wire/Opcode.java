package io.wsbed.harness.replay.wire;

import java.net.ProtocolException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The frame opcodes of RFC 6455 section 5.2, by their number on the wire and their name in a recording. */
public enum Opcode {
    CONTINUATION(0x0),
    TEXT(0x1),
    BINARY(0x2),
    CLOSE(0x8),
    PING(0x9),
    PONG(0xA);

    private final int code;

    Opcode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The lower-case name a recording writes: "text", "binary", "continuation", "close", "ping", "pong". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Close, ping and pong: at most 125 bytes, never fragmented (RFC 6455 section 5.5). */
    public boolean control() {
        return code >= 0x8;
    }

    /** The opcode of a frame header; a reserved one is a protocol error. */
    public static Opcode of(int code) throws ProtocolException {
        for (Opcode o : values()) {
            if (o.code == code) {
                return o;
            }
        }
        throw new ProtocolException("reserved opcode 0x" + Integer.toHexString(code) + " (RFC 6455 section 5.2)");
    }

    /** The opcode a recording names, if it is one. */
    public static Optional<Opcode> byId(String id) {
        return Arrays.stream(values()).filter(o -> o.id().equals(id)).findFirst();
    }
}
