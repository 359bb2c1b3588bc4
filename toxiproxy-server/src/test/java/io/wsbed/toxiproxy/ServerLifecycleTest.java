package io.wsbed.toxiproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.Outcome;
import io.wsbed.toxiproxy.support.Peer;
import io.wsbed.toxiproxy.support.Upstream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library API: url/port, populate, and a close that leaves nothing running, twice over. */
class ServerLifecycleTest extends EmbeddedServerTest {

    @Test
    void urlNamesTheLoopbackPort() {
        assertEquals("http://127.0.0.1:" + server.port(), server.url());
        assertEquals(ToxiproxyServer.VERSION, server.version());
    }

    @Test
    void secondServerOnATakenPortFailsWithAHint() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ToxiproxyServer.start("127.0.0.1", server.port()).close());
        assertTrue(e.getMessage().contains("choose another --port"), e.getMessage());
    }

    @Test
    void closeStopsEveryThreadEvenWithDataHeldInToxics() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 60_000);
        proxy.toxics().bandwidth("cut", ToxicDirection.UPSTREAM, 0);
        proxy.toxics().timeout("idle", ToxicDirection.UPSTREAM, 60_000);
        proxy.toxics().slowClose("late", ToxicDirection.DOWNSTREAM, 60_000);
        Peer client = connect(proxy);
        Peer serverSide = upstream.awaitPeer(WAIT);
        serverSide.write("queued in latency");
        client.write("held by bandwidth");
        awaitThreads(4);

        long start = System.nanoTime();
        server.close();
        server.close();

        assertEquals(List.of(), server.liveThreads());
        assertTrue(millisSince(start) < 3000, "close is prompt");
        assertEquals(Outcome.EOF, client.drainUntilClosed(WAIT, null));
        assertThrows(ConnectException.class, () -> Peer.connect(port(proxy)).close());
    }

    /** Waits (bounded) until the accept thread has wired the connection: accept, readers, latency. */
    private void awaitThreads(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.liveThreads().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(server.liveThreads().size() >= count,
                "expected accept, two readers and a latency thread, got " + server.liveThreads());
    }

    @Test
    void disablingEndsTheConnectionThreads() throws Exception {
        Upstream upstream = echoUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 10_000);
        for (int i = 0; i < 5; i++) {
            connect(proxy).write("x");
        }
        proxy.disable();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!server.liveThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), server.liveThreads(), "no listener and no connection threads once disabled");
    }

    @Test
    void populateLoadsProxiesLikeTheEndpoint() throws Exception {
        Upstream upstream = echoUpstream();
        server.populate(("[{\"name\":\"from-config\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream.address()
                + "\"}]").getBytes(StandardCharsets.UTF_8));
        Peer peer = connect(client.getProxy("from-config"));
        peer.write("configured");
        assertEquals("configured", peer.readString(10, WAIT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> server.populate("[{\"name\":\"x\"}]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("[400] missing required field: upstream at proxy 1", e.getMessage());
    }
}
