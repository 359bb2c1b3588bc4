package io.wsbed.toxiproxy.toxic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.Outcome;
import io.wsbed.toxiproxy.support.Peer;
import io.wsbed.toxiproxy.support.Upstream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Conformance item 18: reset_peer needs traffic, then after T ms both peers see a real RST
 * ("Connection reset"). Documented choice: connections opened before the toxic get RST too.
 */
class ResetPeerToxicTest extends EmbeddedServerTest {
    private static final long TIMEOUT = 300;

    @Test
    void firstWriteIsFollowedByAResetOnBothSides() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().resetPeer("rst", ToxicDirection.UPSTREAM, TIMEOUT);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        long start = System.nanoTime();
        client.write("trigger");
        assertEquals(Outcome.RESET, client.poll(WAIT), "the client sees Connection reset");
        long took = millisSince(start);
        assertEquals(Outcome.RESET, server.poll(WAIT), "the server sees Connection reset");
        assertTrue(took >= TIMEOUT - 20 && took < TIMEOUT + 700, "reset about " + TIMEOUT + " ms after the write, took "
                + took + " ms");
    }

    @Test
    void withoutTrafficNothingHappens() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().resetPeer("rst", ToxicDirection.UPSTREAM, 100);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        assertEquals(Outcome.SILENT, client.poll(Duration.ofMillis(500)));
        server.write("downstream is not the toxic's direction");
        assertEquals(Outcome.DATA, client.poll(WAIT));
    }

    @Test
    void connectionOpenedBeforeTheToxicIsResetToo() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);
        client.write("hello");
        assertEquals("hello", server.readString(5, WAIT));

        proxy.toxics().resetPeer("rst", ToxicDirection.DOWNSTREAM, 50);
        server.write("trigger");

        assertEquals(Outcome.RESET, client.poll(WAIT), "deviation from the reference (FIN there): RST on live links");
        assertEquals(Outcome.RESET, server.poll(WAIT));
    }
}
