package io.wsbed.toxiproxy.toxic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.Outcome;
import io.wsbed.toxiproxy.support.Peer;
import io.wsbed.toxiproxy.support.Upstream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Conformance item 17: timeout blackholes its direction (it does not delay), closes with FIN after
 * T ms without a chunk, never closes by itself with 0, and closes the link when removed.
 */
class TimeoutToxicTest extends EmbeddedServerTest {
    private static final long TIMEOUT = 400;

    @Test
    void dataIsDroppedAndBothSidesSeeEofAfterTheTimeout() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, TIMEOUT);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        client.write("into the void");
        long lastWrite = System.nanoTime();
        assertEquals(Outcome.EOF, server.drainUntilClosed(WAIT, null), "the server never gets data, then EOF");
        long took = millisSince(lastWrite);
        assertEquals(Outcome.EOF, client.poll(WAIT), "the client gets EOF too");
        assertTrue(took >= TIMEOUT - 50 && took < TIMEOUT + 800, "closed about " + TIMEOUT + " ms after the last write, took "
                + took + " ms");
    }

    @Test
    void writesMoreOftenThanTheTimeoutKeepTheLinkOpen() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, TIMEOUT);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        for (int i = 0; i < 8; i++) {
            client.write("ping");
            Thread.sleep(TIMEOUT / 4);
        }
        server.write("alive");
        assertEquals("alive", client.readString(5, WAIT), "open after twice the timeout thanks to the writes");
        assertEquals(Outcome.EOF, server.drainUntilClosed(WAIT, null), "and it closes once the writes stop");
    }

    @Test
    void zeroNeverClosesAndRemovalClosesExistingConnectionsOnly() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        Timeout blackhole = proxy.toxics().timeout("hole", ToxicDirection.DOWNSTREAM, 0);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        server.write("lost");
        assertEquals(Outcome.SILENT, client.poll(Duration.ofMillis(600)), "timeout 0 drops data and stays open");
        client.write("up");
        assertEquals("up", server.readString(2, WAIT), "the other direction flows");

        blackhole.remove();

        assertEquals(Outcome.EOF, client.poll(WAIT), "removing the toxic closes the connection");
        assertEquals(Outcome.EOF, server.poll(WAIT));
        Peer fresh = connect(proxy);
        Peer freshServer = upstream.awaitPeer(WAIT);
        freshServer.write("works");
        assertEquals("works", fresh.readString(5, WAIT), "new connections are normal");
    }

    @Test
    void blackholeAddedToALiveConnectionDropsBothWaysWithoutClosing() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);
        client.write("before");
        assertEquals("before", server.readString(6, WAIT));

        proxy.toxics().timeout("hole-up", ToxicDirection.UPSTREAM, 0);
        proxy.toxics().timeout("hole-down", ToxicDirection.DOWNSTREAM, 0);
        client.write("lost up");
        server.write("lost down");

        assertEquals(Outcome.SILENT, server.poll(Duration.ofMillis(400)), "no data, no FIN, no RST upstream");
        assertEquals(Outcome.SILENT, client.poll(Duration.ofMillis(100)), "no data, no FIN, no RST downstream");
    }
}
