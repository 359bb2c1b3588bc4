package io.wsbed.harness.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.timeline.Event;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capture and its reader on real loopback traffic, captured by tcpdump in the test itself:
 * a connection closed with FIN, one reset with RST, and a WebSocket exchange with Ping, data
 * frames and Close frames with their codes; and the packet clock against the system clock.
 */
class WireCaptureTest {
    @TempDir
    Path dir;

    @Test
    void aConnectionClosedNormallyShowsSynBothWaysAndAFinEachWay() throws Exception {
        Captured.Lane lane = Captured.capture(dir, server -> {
            try (Socket client = new Socket("127.0.0.1", server.getLocalPort()); Socket accepted = server.accept()) {
                client.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                accepted.getInputStream().readNBytes(5);
                client.close();
                assertEquals(-1, accepted.getInputStream().read(), "the server reads the client's FIN");
            }
        });

        assertEquals(1, lane.toServer(WireLane.SYN).size(), lane.names());
        assertEquals(1, lane.fromServer(WireLane.SYN_ACK).size(), lane.names());
        assertEquals(1, lane.toServer(WireLane.FIN).size(), lane.names());
        assertEquals(1, lane.fromServer(WireLane.FIN).size(), lane.names());
        assertEquals(List.of(), lane.named(WireLane.RST), lane.names());
        assertEquals(1, lane.result().connections());
        assertTrue(lane.toServer(WireLane.FIN).get(0).tMicros() <= lane.fromServer(WireLane.FIN).get(0).tMicros(),
                "the client's FIN came first: " + lane.names());
    }

    @Test
    void aConnectionClosedWithLingerZeroShowsAnRstFromTheClient() throws Exception {
        Captured.Lane lane = Captured.capture(dir, server -> {
            try (Socket client = new Socket("127.0.0.1", server.getLocalPort()); Socket accepted = server.accept()) {
                client.setSoLinger(true, 0);
                client.close();
                accepted.setSoTimeout(2000);
                try {
                    accepted.getInputStream().read();
                } catch (java.net.SocketException expected) {
                    // Connection reset: what the RST does to the peer.
                }
            }
        });

        assertEquals(1, lane.toServer(WireLane.RST).size(), lane.names());
        assertEquals(List.of(), lane.toServer(WireLane.FIN), "an abortive close sends no FIN: " + lane.names());
    }

    @Test
    void aSynLeavesBetweenTwoReadingsOfTheSystemClockAroundTheConnect() throws Exception {
        long[] around = new long[2];
        Captured.Lane lane = Captured.capture(dir, server -> {
            around[0] = Captured.nowMicros();
            try (Socket client = new Socket("127.0.0.1", server.getLocalPort())) {
                around[1] = Captured.nowMicros();
                server.accept().close();
            }
        });

        long syn = lane.toServer(WireLane.SYN).get(0).tMicros();
        long synAck = lane.fromServer(WireLane.SYN_ACK).get(0).tMicros();
        assertTrue(around[0] <= syn && syn <= synAck && synAck <= around[1],
                "clock read " + around[0] + ", SYN " + syn + ", SYN-ACK " + synAck + ", clock read " + around[1]
                        + " (epoch us): the capture's clock is not the system clock the event lines use");
    }

    @Test
    void aWebSocketExchangeShowsTheUpgradePingDataAndBothCloseFramesWithTheirCodes() throws Exception {
        Captured.Lane lane = Captured.capture(dir, server -> {
            try (Socket client = new Socket("127.0.0.1", server.getLocalPort()); Socket accepted = server.accept()) {
                client.setTcpNoDelay(true);
                accepted.setTcpNoDelay(true);
                OutputStream toServer = client.getOutputStream();
                OutputStream toClient = accepted.getOutputStream();
                InputStream atServer = accepted.getInputStream();
                toServer.write(WebSocketBytes.REQUEST);
                atServer.readNBytes(WebSocketBytes.REQUEST.length);
                toClient.write(WebSocketBytes.RESPONSE);
                // A data frame much longer than the snap length: its end is found by its length.
                toClient.write(WebSocketBytes.frame(0x1, new byte[1000], false));
                toClient.write(WebSocketBytes.frame(0x9, new byte[4], false));
                // A client frame split across two segments, header first.
                byte[] split = WebSocketBytes.frame(0x1, "{\"seq\":1}".getBytes(StandardCharsets.UTF_8), true);
                toServer.write(split, 0, 3);
                Thread.sleep(20);
                toServer.write(split, 3, split.length - 3);
                atServer.readNBytes(split.length);
                toClient.write(WebSocketBytes.close(1001, "going away", false));
                toServer.write(WebSocketBytes.close(1000, "", true));
                atServer.readNBytes(8);
                client.getInputStream().readNBytes(WebSocketBytes.RESPONSE.length + 1004 + 6 + 14);
            }
        });

        assertEquals(List.of("GET /ws HTTP/1.1"), lane.toServer(WireLane.UPGRADE).stream().map(e -> e.str("line")).toList());
        assertEquals(List.of("HTTP/1.1 101 Switching Protocols"),
                lane.fromServer(WireLane.UPGRADE).stream().map(e -> e.str("line")).toList());
        assertEquals(1, lane.fromServer(WireLane.PING).size(), lane.names());
        Event serverClose = lane.fromServer(WireLane.CLOSE_FRAME).get(0);
        assertEquals(1001, serverClose.num("code", -1));
        assertEquals("going away", serverClose.str("reason"));
        assertEquals(1000, lane.toServer(WireLane.CLOSE_FRAME).get(0).num("code", -1), "the masked code is unmasked");
        assertEquals(1, lane.fromServer(WireLane.DATA).get(0).num("frames", -1), lane.names());
        assertEquals(1, lane.toServer(WireLane.DATA).get(0).num("frames", -1), lane.names());
        assertEquals(List.of(), lane.named(WireLane.LOST_TRACK), lane.names());
    }
}
