package io.wsbed.toxiproxy.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.rekawek.toxiproxy.Proxy;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.Peer;
import io.wsbed.toxiproxy.support.Upstream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Conformance item 13 and the connection-count requirement: data passes intact, in parallel. */
class PassThroughTest extends EmbeddedServerTest {

    @Test
    void largePayloadsArriveByteExactInBothDirections() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);
        byte[] up = randomBytes(3 * 1024 * 1024 + 17, 1);
        byte[] down = randomBytes(2 * 1024 * 1024 + 5, 2);

        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = writers.submit(() -> {
                client.write(up);
                return null;
            });
            Future<?> b = writers.submit(() -> {
                server.write(down);
                return null;
            });
            assertArrayEquals(up, server.readExactly(up.length, WAIT));
            assertArrayEquals(down, client.readExactly(down.length, WAIT));
            a.get(5, TimeUnit.SECONDS);
            b.get(5, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void twoHundredConcurrentConnectionsEachGetTheirOwnEcho() throws Exception {
        Upstream upstream = echoUpstream();
        Proxy proxy = proxyTo(upstream);
        int connections = 200;
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            peers.add(connect(proxy));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Peer peer = peers.get(i);
                byte[] payload = randomBytes(20_000 + i, 100 + i);
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 3; round++) {
                        peer.write(payload);
                        assertArrayEquals(payload, peer.readExactly(payload.length, WAIT));
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertEquals(true, pool.awaitTermination(5, TimeUnit.SECONDS), "test pool stopped");
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
