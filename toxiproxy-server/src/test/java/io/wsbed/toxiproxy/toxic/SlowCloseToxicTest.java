package io.wsbed.toxiproxy.toxic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.Outcome;
import io.wsbed.toxiproxy.support.Peer;
import io.wsbed.toxiproxy.support.Upstream;
import org.junit.jupiter.api.Test;

/** Conformance item 16: slow_close delivers all data, then delays the FIN by its delay. */
class SlowCloseToxicTest extends EmbeddedServerTest {
    private static final long DELAY = 400;

    @Test
    void clientSeesEofAboutDelayAfterTheServerClosed() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().slowClose("sc", ToxicDirection.DOWNSTREAM, DELAY);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        server.write("all of it");
        long closedAt = System.nanoTime();
        server.close();

        assertEquals("all of it", client.readString(9, WAIT), "data first, undelayed");
        assertTrue(millisSince(closedAt) < DELAY / 2, "the data itself is not delayed");
        assertEquals(Outcome.EOF, client.drainUntilClosed(WAIT, null));
        long took = millisSince(closedAt);
        assertTrue(took >= DELAY - 20 && took < DELAY + 600, "EOF about " + DELAY + " ms after the close, took " + took);
    }
}
