package io.wsbed.harness.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The pcap reader on files written by hand: either byte order, nanosecond time stamps, the link
 * types of Linux loopback captures, a record cut short by a killed writer, and a file that is not
 * a classic capture. Real tcpdump files are read in {@link WireCaptureTest}.
 */
class PcapReaderTest {

    @Test
    void aBigEndianNanosecondCaptureOfLinuxCookedPacketsGivesMicrosecondsAndTheTcpSegment() throws IOException {
        byte[] packet = cooked(tcpOverIpv4(41234, 8080, 0x0000_0102L, TcpSegment.FIN | TcpSegment.ACK, 7));
        byte[] file = capture(ByteOrder.BIG_ENDIAN, 0xa1b23c4d, TcpSegment.LINK_LINUX_SLL,
                record(ByteOrder.BIG_ENDIAN, 1_700_000_000L, 123_456_789L, packet, packet.length));

        try (PcapReader reader = PcapReader.of(new ByteArrayInputStream(file), "hand-made")) {
            assertEquals(TcpSegment.LINK_LINUX_SLL, reader.linkType());
            PcapReader.Packet p = reader.next().orElseThrow();
            assertEquals(1_700_000_000_123_456L, p.tMicros());
            TcpSegment s = TcpSegment.decode(reader.linkType(), p).orElseThrow();
            assertEquals("127.0.0.1:41234>127.0.0.1:8080", s.direction());
            assertTrue(s.has(TcpSegment.FIN) && !s.has(TcpSegment.RST));
            assertEquals(0x102L, s.seq());
            assertEquals(7, s.payloadLength(), "from the IP and TCP lengths");
            assertEquals(Optional.empty(), reader.next());
        }
    }

    @Test
    void aPayloadCutBySnapLengthKeepsItsRealLengthAndARecordCutShortEndsTheCapture() throws IOException {
        byte[] ip = tcpOverIpv4(8080, 41234, 5L, TcpSegment.ACK, 300);
        byte[] kept = java.util.Arrays.copyOf(ip, 60);
        byte[] cut = record(ByteOrder.LITTLE_ENDIAN, 1, 0, new byte[40], 40);
        byte[] file = capture(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, TcpSegment.LINK_NULL,
                record(ByteOrder.LITTLE_ENDIAN, 1, 2, WebSocketBytes.concat(new byte[] {2, 0, 0, 0}, kept), ip.length + 4),
                java.util.Arrays.copyOf(cut, 30));

        try (PcapReader reader = PcapReader.of(new ByteArrayInputStream(file), "hand-made")) {
            TcpSegment s = TcpSegment.decode(reader.linkType(), reader.next().orElseThrow()).orElseThrow();
            assertEquals(300, s.payloadLength());
            assertEquals(20, s.payload().length, "60 bytes kept: 20 of IP, 20 of TCP, 20 of payload");
            assertEquals(Optional.empty(), reader.next(), "the record cut short ends the capture");
        }
    }

    @Test
    void aFileThatIsNotAClassicCaptureIsRefusedWithItsName() {
        byte[] pcapng = new byte[24];
        pcapng[0] = 0x0a;
        pcapng[1] = 0x0d;
        pcapng[2] = 0x0d;
        pcapng[3] = 0x0a;
        IOException e = assertThrows(IOException.class, () -> PcapReader.of(new ByteArrayInputStream(pcapng), "x.pcapng"));
        assertTrue(e.getMessage().contains("x.pcapng is not a classic pcap capture"), e.getMessage());
    }

    /** An IPv4 packet from 127.0.0.1 to 127.0.0.1 with a 20-byte TCP header and a zeroed payload. */
    static byte[] tcpOverIpv4(int srcPort, int dstPort, long seq, int flags, int payload) {
        return tcpOverIpv4(srcPort, dstPort, seq, flags, new byte[payload]);
    }

    /** An IPv4 packet from 127.0.0.1 to 127.0.0.1 with a 20-byte TCP header and this payload. */
    static byte[] tcpOverIpv4(int srcPort, int dstPort, long seq, int flags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putInt(0).put((byte) 64).put((byte) 6)
                .putShort((short) 0).put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
        b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt(0).put((byte) 0x50)
                .put((byte) flags).putShort((short) 65535).putInt(0).put(payload);
        return b.array();
    }

    /** A Linux cooked (SLL) header for an IPv4 packet. */
    private static byte[] cooked(byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(16 + ip.length).order(ByteOrder.BIG_ENDIAN);
        b.putShort((short) 0).putShort((short) 772).putShort((short) 6).put(new byte[8]).putShort((short) 0x0800).put(ip);
        return b.array();
    }

    static byte[] capture(ByteOrder order, int magic, int linkType, byte[]... records) {
        ByteBuffer b = ByteBuffer.allocate(24).order(order);
        b.putInt(magic).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(256).putInt(linkType);
        return WebSocketBytes.concat(b.array(), WebSocketBytes.concat(records));
    }

    static byte[] record(ByteOrder order, long seconds, long fraction, byte[] data, int original) {
        ByteBuffer b = ByteBuffer.allocate(16).order(order);
        b.putInt((int) seconds).putInt((int) fraction).putInt(data.length).putInt(original);
        return WebSocketBytes.concat(b.array(), data);
    }
}
