package io.wsbed.toxiproxy.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.Outcome;
import io.wsbed.toxiproxy.support.Peer;
import io.wsbed.toxiproxy.support.Upstream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Conformance items 5, 6, 22 and 23: enable, disable, moves, close cascade, dial failure. */
class ProxyLifecycleTest extends EmbeddedServerTest {

    @Test
    void disableRefusesAndClosesThenEnableRebindsTheSamePort() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        int port = port(proxy);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        proxy.disable();

        assertFalse(proxy.isEnabled());
        assertEquals(Outcome.EOF, client.poll(WAIT), "an open connection ends when the proxy is disabled");
        assertEquals(Outcome.EOF, server.poll(WAIT));
        assertThrows(ConnectException.class, () -> Peer.connect(port).close());

        proxy.enable();

        assertTrue(proxy.isEnabled());
        assertEquals(port, port(proxy), "re-enabling binds the resolved address again");
        Peer again = connect(proxy);
        again.write("back");
        assertEquals("back", upstream.awaitPeer(WAIT).readString(4, WAIT));
    }

    @Test
    void setUpstreamClosesOpenConnectionsAndMovesNewOnes() throws Exception {
        Upstream first = scriptedUpstream();
        Upstream second = scriptedUpstream();
        Proxy proxy = proxyTo(first);
        Peer before = connect(proxy);
        Peer firstSide = first.awaitPeer(WAIT);

        proxy.setUpstream(second.address());

        assertEquals(second.address(), proxy.getUpstream());
        assertEquals(Outcome.EOF, before.poll(WAIT));
        assertEquals(Outcome.EOF, firstSide.poll(WAIT));
        Peer after = connect(proxy);
        after.write("moved");
        assertEquals("moved", second.awaitPeer(WAIT).readString(5, WAIT));
    }

    @Test
    void setListenToPortZeroBindsANewPort() throws Exception {
        Upstream upstream = echoUpstream();
        Proxy proxy = proxyTo(upstream);
        int oldPort = port(proxy);

        proxy.setListen("127.0.0.1:0");

        assertNotEquals(oldPort, port(proxy));
        assertTrue(proxy.isEnabled());
        Peer peer = connect(proxy);
        peer.write("new port");
        assertEquals("new port", peer.readString(8, WAIT));
    }

    @Test
    void clientHalfCloseClosesBothSockets() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);
        client.write("bye");
        assertEquals("bye", server.readString(3, WAIT));

        client.shutdownOutput();

        assertEquals(Outcome.EOF, server.poll(WAIT), "the server sees the client's FIN");
        assertEquals(Outcome.EOF, client.poll(WAIT), "no half-close: the client's read side closes too");
    }

    @Test
    void serverCloseGivesClientEofAfterTheData() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        server.write("last words");
        server.close();

        assertEquals("last words", client.readString(10, WAIT));
        assertEquals(Outcome.EOF, client.poll(WAIT));
    }

    @Test
    void disablingMidTransferClosesBothSides() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 10_000; i++) {
                    server.write(new byte[8192]);
                }
            } catch (Exception e) {
                // Expected: the proxy closes the connection under the writer.
            }
        }, "test-bulk-writer");
        writer.start();
        assertEquals(Outcome.DATA, client.poll(WAIT));

        proxy.disable();

        assertTrue(client.drainUntilClosed(WAIT, null) != Outcome.SILENT, "client connection closed");
        writer.join(WAIT.toMillis());
        assertFalse(writer.isAlive(), "the server's writes fail once the proxy closed its socket");
    }

    @Test
    void deadUpstreamGivesConnectThenImmediateEof() throws Exception {
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = probe.getLocalPort();
        }
        Proxy proxy = client.createProxy("dead", "127.0.0.1:0", "127.0.0.1:" + deadPort);
        long start = System.nanoTime();
        Peer peer = connect(proxy);
        assertEquals(Outcome.EOF, peer.poll(WAIT), "the proxy accepts, fails to dial, and closes");
        assertTrue(millisSince(start) < 2000, "no hang on a refused upstream");
    }
}
