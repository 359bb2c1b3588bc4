package io.wsbed.harness.replay.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Frames, heads and URLs on the wire, byte for byte, without a socket. */
class WireTest {

    private static Frame roundTrip(Frame f, boolean clientSide) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FrameWriter(out, clientSide).write(f);
        return new FrameReader(new ByteArrayInputStream(out.toByteArray()), clientSide, WsSocket.MAX_PAYLOAD).read();
    }

    @Test
    void everyLengthEncodingSurvivesMaskedAndUnmasked() throws IOException {
        Random r = new Random(17);
        for (int n : new int[] {0, 1, 125, 126, 127, 65535, 65536, 1 << 20}) {
            byte[] data = new byte[n];
            r.nextBytes(data);
            for (boolean masked : new boolean[] {true, false}) {
                Frame back = roundTrip(Frame.binary(data), masked);
                assertArrayEquals(data, back.payload(), n + " bytes, masked=" + masked);
                assertEquals(Opcode.BINARY, back.opcode());
            }
        }
    }

    @Test
    void headerBytesAreThoseOfRfc6455() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FrameWriter(out, false).write(Frame.text("Hello"));
        assertArrayEquals(new byte[] {(byte) 0x81, 0x05, 'H', 'e', 'l', 'l', 'o'}, out.toByteArray(), "RFC 6455 section 5.7");
        out.reset();
        new FrameWriter(out, false).write(new Frame(false, Opcode.TEXT, "Hel".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0x01, out.toByteArray()[0], "a first fragment has FIN clear");
    }

    @Test
    void aFrameMaskedTheWrongWayOrWithRsvBitsIsAProtocolError() {
        byte[] unmaskedText = {(byte) 0x81, 0x01, 'x'};
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new FrameReader(new ByteArrayInputStream(unmaskedText), true, 100).read());
        assertTrue(e.getMessage().contains("unmasked frame from a client"), e.getMessage());
        byte[] rsv = {(byte) 0xC1, 0x01, 'x'};
        assertThrows(ProtocolException.class, () -> new FrameReader(new ByteArrayInputStream(rsv), false, 100).read());
        byte[] reserved = {(byte) 0x83, 0x00};
        assertThrows(ProtocolException.class, () -> new FrameReader(new ByteArrayInputStream(reserved), false, 100).read());
        byte[] longPing = {(byte) 0x89, 126, 0, (byte) 200};
        assertThrows(ProtocolException.class, () -> new FrameReader(new ByteArrayInputStream(longPing), false, 1000).read());
    }

    @Test
    void aStreamEndingBetweenFramesIsNullAndInsideOneIsEof() throws IOException {
        assertNull(new FrameReader(new ByteArrayInputStream(new byte[0]), false, 100).read());
        byte[] cut = {(byte) 0x81, 0x05, 'H', 'e'};
        assertThrows(EOFException.class, () -> new FrameReader(new ByteArrayInputStream(cut), false, 100).read());
    }

    @Test
    void aCloseFrameCarriesItsCodeAndAReasonCutToFit() {
        Frame f = Frame.close(1011, "x".repeat(200));
        assertEquals(1011, f.closeCode().getAsInt());
        assertEquals(Frame.MAX_CONTROL_PAYLOAD, f.payload().length);
        assertEquals("x".repeat(123), f.closeReason());
        assertTrue(new Frame(true, Opcode.CLOSE, new byte[0]).closeCode().isEmpty());
    }

    @Test
    void anUpgradeRequestIsAcceptedWithTheKeyOfSection4() throws IOException {
        HttpHead request = HttpHead.read(new ByteArrayInputStream(("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\nrest").getBytes(StandardCharsets.ISO_8859_1)));
        String key = Handshake.checkRequest(request);
        HttpHead response = Handshake.switchingProtocols(key, null);
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", response.header("sec-websocket-accept").orElseThrow(),
                "the sample of RFC 6455 section 1.3");
        Handshake.checkResponse(response, key);
        assertThrows(ProtocolException.class, () -> Handshake.checkRequest(request.without("Upgrade")));
    }

    @Test
    void urlsOtherThanWsAndWssAreOneLineConfigurationErrors() {
        WsUrl u = WsUrl.parse("ws://127.0.0.1:9000/feed?x=1");
        assertEquals("/feed?x=1", u.target());
        assertEquals(9000, u.port());
        assertEquals(443, WsUrl.parse("wss://example.org").port());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> WsUrl.parse("http://x/ws"));
        assertTrue(e.getMessage().contains("expected ws://HOST:PORT/PATH"), e.getMessage());
    }
}
