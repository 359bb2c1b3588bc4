package io.wsbed.toxiproxy.toxic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.Peer;
import io.wsbed.toxiproxy.support.Upstream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Conformance item 19: slicer delivers intact data in small pieces, spaced by its delay in µs. */
class SlicerToxicTest extends EmbeddedServerTest {

    @Test
    void payloadArrivesIntactInSmallSpacedPieces() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().slicer("sl", ToxicDirection.UPSTREAM, 100, 10_000).setSizeVariation(20);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);
        byte[] payload = new byte[2000];
        new Random(3).nextBytes(payload);

        long start = System.nanoTime();
        client.write(payload);
        List<Integer> reads = new ArrayList<>();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = server.socket().getInputStream();
        server.socket().setSoTimeout((int) WAIT.toMillis());
        byte[] buffer = new byte[4096];
        while (received.size() < payload.length) {
            int n = in.read(buffer);
            assertTrue(n > 0, "EOF after " + received.size() + " bytes");
            reads.add(n);
            received.write(buffer, 0, n);
        }
        long took = millisSince(start);

        assertArrayEquals(payload, received.toByteArray());
        long small = reads.stream().filter(n -> n <= 120).count();
        assertTrue(reads.size() >= 16 && small >= reads.size() * 3 / 4,
                "2000 bytes in pieces of at most 120 (average 100 +/- 20): " + reads);
        assertTrue(took >= 150, "at least 16 pieces with 10 ms after each, took " + took + " ms");
    }
}
