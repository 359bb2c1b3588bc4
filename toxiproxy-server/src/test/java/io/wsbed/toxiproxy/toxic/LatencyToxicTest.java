package io.wsbed.toxiproxy.toxic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.Outcome;
import io.wsbed.toxiproxy.support.Peer;
import io.wsbed.toxiproxy.support.Upstream;
import org.junit.jupiter.api.Test;

/**
 * Conformance items 14 and 24: latency is one-way, per chunk from its receive time (not
 * cumulative), acts on live connections, loses nothing when removed, and chains in order.
 * Bounds are generous: a delay must be at least the latency, and well below twice of it.
 */
class LatencyToxicTest extends EmbeddedServerTest {
    private static final long LATENCY = 300;

    @Test
    void downstreamLatencyDelaysResponsesButNotRequests() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, LATENCY);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        long start = System.nanoTime();
        client.write("request");
        assertEquals("request", server.readString(7, WAIT));
        long upMillis = millisSince(start);
        server.write("response");
        long downStart = System.nanoTime();
        assertEquals("response", client.readString(8, WAIT));
        long downMillis = millisSince(downStart);

        assertTrue(upMillis < LATENCY / 2, "upstream direction unaffected, took " + upMillis + " ms");
        assertTrue(downMillis >= LATENCY - 5 && downMillis < 2 * LATENCY,
                "downstream delayed by about " + LATENCY + " ms, took " + downMillis + " ms");
    }

    @Test
    void backToBackChunksAreNotDelayedCumulatively() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, LATENCY);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            server.write("chunk" + i);
            Thread.sleep(20);
        }
        assertEquals("chunk0chunk1chunk2chunk3chunk4", client.readString(30, WAIT));
        long took = millisSince(start);
        assertTrue(took >= LATENCY && took < LATENCY + 250,
                "five chunks 20 ms apart arrive about one latency after the first, took " + took + " ms");
    }

    @Test
    void addingLatencyAffectsALiveConnectionAndRemovingItLosesNothing() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);
        server.write("fast");
        assertEquals("fast", client.readString(4, WAIT));

        Latency latency = proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 5000);
        server.write("held back");
        assertEquals(Outcome.SILENT, client.poll(java.time.Duration.ofMillis(300)), "the live connection is delayed");
        long start = System.nanoTime();
        latency.remove();
        assertEquals("held back", client.readString(9, WAIT));
        assertTrue(millisSince(start) < 1000, "removal releases held data at once");
        server.write("after");
        assertEquals("after", client.readString(5, WAIT));
    }

    @Test
    void jitterKeepsDelaysWithinLatencyPlusOrMinusJitter() throws Exception {
        Upstream upstream = echoUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 200).setJitter(100);
        Peer client = connect(proxy);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            client.write("j");
            client.readExactly(1, WAIT);
            long took = millisSince(start);
            min = Math.min(min, took);
            max = Math.max(max, took);
        }
        assertTrue(min >= 95 && max < 450, "delays within 200 +/- 100 ms (plus overhead): " + min + ".." + max);
    }

    @Test
    void latencyThenLimitDataActAsAChainInInsertionOrder() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, LATENCY);
        proxy.toxics().limitData("cap", ToxicDirection.DOWNSTREAM, 5);
        proxy.toxics().latency("up-lat", ToxicDirection.UPSTREAM, 50);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        client.write("0123456789");
        assertEquals("0123456789", server.readString(10, WAIT), "downstream toxics leave the upstream alone");
        long start = System.nanoTime();
        server.write("abcdefghij");
        assertEquals("abcde", client.readString(5, WAIT));
        long took = millisSince(start);
        assertEquals(Outcome.EOF, client.poll(WAIT), "limit_data closes after its 5 bytes");
        assertTrue(took >= LATENCY - 5, "the limited bytes came through the latency first, took " + took + " ms");
    }
}
