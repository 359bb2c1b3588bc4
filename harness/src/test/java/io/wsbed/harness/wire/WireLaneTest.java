package io.wsbed.harness.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsbed.harness.timeline.Event;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lane's selection and bookkeeping on a capture written by hand (real captures: {@link WireCaptureTest}). */
class WireLaneTest {
    @TempDir
    Path dir;

    @Test
    void keepsOnlyTheCellsPortsAndTellsARetransmittedSynFromANewConnectionOnReusedPorts() throws IOException {
        Path pcap = dir.resolve("wire.pcap");
        Files.write(pcap, PcapReaderTest.capture(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, TcpSegment.LINK_RAW,
                packet(1, 50000, 8080, 100, TcpSegment.SYN),
                packet(2, 8080, 50000, 0, TcpSegment.RST | TcpSegment.ACK),
                packet(3, 40000, 40001, 7, TcpSegment.SYN),
                packet(4, 50000, 8080, 900, TcpSegment.SYN),
                packet(5, 50000, 8080, 900, TcpSegment.SYN),
                packet(6, 8080, 50000, 5000, TcpSegment.SYN | TcpSegment.ACK)));

        WireLane.Result lane = WireLane.read(pcap, Set.of(8080));

        assertEquals(List.of("syn 50000>8080 @1", "rst 8080>50000 @2", "syn 50000>8080 @4", "syn-ack 8080>50000 @6"),
                lane.events().stream().map(WireLaneTest::describe).toList(),
                "the refused attempt, then a new connection on the same ports; its retransmitted SYN is not new");
        assertEquals(6, lane.packets());
        assertEquals(5, lane.cellSegments());
        assertEquals(2, lane.connections());
    }

    @Test
    void aClientThatAsksAgainOnTheSameConnectionAfterA502IsFollowedToThe101AndItsFrames() throws IOException {
        byte[] bad = "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 3\r\n\r\nbad".getBytes(StandardCharsets.US_ASCII);
        byte[] request = WebSocketBytes.REQUEST;
        Path pcap = dir.resolve("wire.pcap");
        Files.write(pcap, PcapReaderTest.capture(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, TcpSegment.LINK_RAW,
                packet(1, 50000, 8080, 100, TcpSegment.SYN),
                packet(2, 8080, 50000, 5000, TcpSegment.SYN | TcpSegment.ACK),
                packet(3, 50000, 8080, 101, TcpSegment.ACK, request),
                packet(4, 8080, 50000, 5001, TcpSegment.ACK, bad),
                packet(5, 50000, 8080, 101 + request.length, TcpSegment.ACK, request),
                packet(6, 8080, 50000, 5001 + bad.length, TcpSegment.ACK,
                        WebSocketBytes.concat(WebSocketBytes.RESPONSE, WebSocketBytes.close(1001, "", false)))));

        WireLane.Result lane = WireLane.read(pcap, Set.of(8080));

        assertEquals(List.of("syn 50000>8080 @1", "syn-ack 8080>50000 @2", "upgrade 50000>8080 @3",
                        "upgrade 8080>50000 @4", "upgrade 50000>8080 @5", "upgrade 8080>50000 @6",
                        "close-frame 8080>50000 @6"),
                lane.events().stream().map(WireLaneTest::describe).toList());
    }

    private static byte[] packet(long micros, int src, int dst, long seq, int flags) {
        return packet(micros, src, dst, seq, flags, new byte[0]);
    }

    private static byte[] packet(long micros, int src, int dst, long seq, int flags, byte[] payload) {
        byte[] ip = PcapReaderTest.tcpOverIpv4(src, dst, seq, flags, payload);
        return PcapReaderTest.record(ByteOrder.LITTLE_ENDIAN, 0, micros, ip, ip.length);
    }

    private static String describe(Event e) {
        return e.ev() + " " + e.num("from", -1) + ">" + e.num("to", -1) + " @" + e.tMicros();
    }
}
