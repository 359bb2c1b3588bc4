package io.wsbed.harness.replay.wire;

import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The opening handshake of RFC 6455 section 4: the client's upgrade request and the server's 101. */
public final class Handshake {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {
    }

    /** Sec-WebSocket-Accept for a key (section 4.2.2). */
    public static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /** A fresh Sec-WebSocket-Key: 16 random bytes, base64. */
    public static String newKey() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** The request a client sends to open {@code url}. */
    public static HttpHead request(WsUrl url, String key) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        h.add(Map.entry("Host", url.hostHeader()));
        h.add(Map.entry("Upgrade", "websocket"));
        h.add(Map.entry("Connection", "Upgrade"));
        h.add(Map.entry("Sec-WebSocket-Key", key));
        h.add(Map.entry("Sec-WebSocket-Version", "13"));
        return new HttpHead("GET " + url.target() + " HTTP/1.1", h);
    }

    /** Checks a server's answer to a request made with {@code key}; anything but a valid 101 is refused. */
    public static void checkResponse(HttpHead response, String key) throws ProtocolException {
        if (response.status() != 101) {
            throw new ProtocolException("the server answered '" + response.startLine()
                    + "' instead of '101 Switching Protocols'");
        }
        String expected = accept(key);
        String got = response.header("Sec-WebSocket-Accept").orElse("");
        if (!got.equals(expected) || !response.headerHas("Upgrade", "websocket")) {
            throw new ProtocolException("the server's 101 has Sec-WebSocket-Accept '" + got + "', expected '" + expected
                    + "' with Upgrade: websocket (RFC 6455 section 4.1)");
        }
    }

    /** Checks a client's upgrade request and returns its key; a refusal names what is wrong (section 4.2.1). */
    public static String checkRequest(HttpHead request) throws ProtocolException {
        if (!request.startLine().startsWith("GET ")) {
            throw new ProtocolException("not a GET request: '" + request.startLine() + "'");
        }
        if (!request.headerHas("Upgrade", "websocket") || !request.headerHas("Connection", "upgrade")) {
            throw new ProtocolException("not a WebSocket upgrade (Upgrade: websocket and Connection: Upgrade are required)");
        }
        if (!request.headerHas("Sec-WebSocket-Version", "13")) {
            throw new ProtocolException("Sec-WebSocket-Version must be 13");
        }
        return request.header("Sec-WebSocket-Key").filter(k -> !k.isBlank())
                .orElseThrow(() -> new ProtocolException("no Sec-WebSocket-Key"));
    }

    /** The 101 a server answers with; {@code subprotocol} is named when not null. */
    public static HttpHead switchingProtocols(String key, String subprotocol) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        h.add(Map.entry("Upgrade", "websocket"));
        h.add(Map.entry("Connection", "Upgrade"));
        h.add(Map.entry("Sec-WebSocket-Accept", accept(key)));
        if (subprotocol != null) {
            h.add(Map.entry("Sec-WebSocket-Protocol", subprotocol));
        }
        return new HttpHead("HTTP/1.1 101 Switching Protocols", h);
    }

    /** A 400 or 502 with a one-line text body, for an upgrade that cannot go ahead. */
    public static byte[] refusal(int status, String reason, String body) {
        byte[] text = (body + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                + text.length + "\r\nConnection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[h.length + text.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(text, 0, out, h.length, text.length);
        return out;
    }
}
