package io.wsbed.toxiproxy.toxic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.Outcome;
import io.wsbed.toxiproxy.support.Peer;
import io.wsbed.toxiproxy.support.Upstream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Conformance item 15: the rate is in KB/s of 1000 bytes; rate 0 stalls with the connection open. */
class BandwidthToxicTest extends EmbeddedServerTest {

    @Test
    void transferTakesAboutSizeOverRate() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 100);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);
        byte[] payload = new byte[60_000];
        Arrays.fill(payload, (byte) 7);

        long start = System.nanoTime();
        client.write(payload);
        assertArrayEquals(payload, server.readExactly(payload.length, WAIT));
        long took = millisSince(start);

        assertTrue(took >= 500 && took < 1500, "60000 bytes at 100 KB/s take about 600 ms, took " + took + " ms");
    }

    @Test
    void rateZeroHoldsDataOnAnOpenConnectionUntilRemoved() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        Bandwidth cut = proxy.toxics().bandwidth("CUT_CONNECTION_DOWNSTREAM", ToxicDirection.DOWNSTREAM, 0);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        server.write("stuck");
        assertEquals(Outcome.SILENT, client.poll(Duration.ofMillis(500)), "rate 0 lets nothing through");
        client.write("up still flows");
        assertEquals("up still flows", server.readString(14, WAIT), "and the connection stays open");

        cut.remove();

        assertEquals("stuck", client.readString(5, WAIT), "held bytes arrive once the toxic is removed");
    }

    @Test
    void raisingTheRateReleasesAHeldChunk() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        Bandwidth bandwidth = proxy.toxics().bandwidth("bw", ToxicDirection.DOWNSTREAM, 0);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);
        server.write("waiting");
        assertEquals(Outcome.SILENT, client.poll(Duration.ofMillis(200)));

        bandwidth.setRate(1000);

        assertEquals("waiting", client.readString(7, WAIT));
    }
}
