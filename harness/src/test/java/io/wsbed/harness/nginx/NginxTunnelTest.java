package io.wsbed.harness.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket tunnel through the real nginx, opened by hand, with proxy_read_timeout 1 s: what
 * cuts it and what keeps it alive (stacks.md section 10).
 */
class NginxTunnelTest {
    private static final Logger LOG = LoggerFactory.getLogger(NginxTunnelTest.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PERIOD = Duration.ofMillis(300);
    private static final Duration KEEP_ALIVE_WINDOW = Duration.ofSeconds(3);

    private RawUpstream upstream;
    private NginxLifecycle proxy;

    @BeforeEach
    void startProxy(TestInfo info) throws Exception {
        NginxBinary nginx = NginxTestSupport.nginx();
        upstream = new RawUpstream();
        proxy = NginxTestSupport.start(nginx, NginxTestSupport.renderer(), NginxTestSupport.FAST.withReadTimeout(READ_TIMEOUT),
                upstream.port(), NginxTestSupport.logFolder("tunnel-" + info.getTestMethod().orElseThrow().getName()));
    }

    @AfterEach
    void stopProxy() throws Exception {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } finally {
            if (upstream != null) {
                upstream.close();
            }
        }
    }

    @Test
    void quietTunnelIsCutOnBothLegsAfterTheReadTimeout() throws Exception {
        try (Tunnel t = open()) {
            Long clientEnd = t.client.awaitEnd(Duration.ofSeconds(10));
            Long upstreamEnd = t.upstream.awaitEnd(Duration.ofSeconds(5));

            assertNotNull(clientEnd, "nginx did not cut the quiet tunnel toward the client within 10 s");
            assertNotNull(upstreamEnd, "nginx did not close the upstream leg within 5 s of the client leg");
            long clientMs = (clientEnd - t.openedAt) / 1_000_000;
            long upstreamMs = (upstreamEnd - t.openedAt) / 1_000_000;
            LOG.info("MEASURED idle cut (proxy_read_timeout {} ms): client saw {} after {} ms, upstream saw {} after {} ms",
                    READ_TIMEOUT.toMillis(), t.client.ending(), clientMs, t.upstream.ending(), upstreamMs);
            assertEquals("EOF", t.client.ending(), "nginx closes the client leg with a FIN");
            assertEquals("EOF", t.upstream.ending(), "nginx closes the upstream leg with a FIN");
            assertEquals(0, t.client.bytesReceived(), "no WebSocket Close frame (nginx does not speak WebSocket)");
            assertTrue(clientMs >= 900 && clientMs < 6000, "cut after " + clientMs + " ms, expected about 1000");
        }
    }

    @Test
    void upstreamTrafficKeepsTheTunnelOpen() throws Exception {
        try (Tunnel t = open()) {
            t.upstream.startSending(WebSocketWire.serverText("tick"), PERIOD);

            Long end = t.client.awaitEnd(KEEP_ALIVE_WINDOW);
            t.upstream.stopSending();

            assertEquals(null, end, "tunnel cut after " + (end == null ? 0 : (end - t.openedAt) / 1_000_000)
                    + " ms although the upstream sent every " + PERIOD.toMillis() + " ms");
            assertTrue(t.client.bytesReceived() >= 6 * 5, "the client got the ticks: " + t.client.bytesReceived() + " bytes");
            LOG.info("MEASURED upstream ticks every {} ms: tunnel open after {} ms, client got {} bytes",
                    PERIOD.toMillis(), KEEP_ALIVE_WINDOW.toMillis(), t.client.bytesReceived());
        }
    }

    /**
     * stacks.md infers from the source that traffic in either direction re-arms the upstream read
     * timer; this records what the installed nginx does without asserting a guess.
     */
    @Test
    void measuresWhetherClientOnlyTrafficKeepsTheTunnelOpen() throws Exception {
        try (Tunnel t = open()) {
            t.client.startSending(WebSocketWire.clientPing(), PERIOD);

            Long end = t.client.awaitEnd(KEEP_ALIVE_WINDOW);
            t.client.stopSending();
            long stoppedAt = System.nanoTime();

            if (end == null) {
                LOG.info("MEASURED client-only pings every {} ms: tunnel still open after {} ms (upstream got {} bytes)",
                        PERIOD.toMillis(), KEEP_ALIVE_WINDOW.toMillis(), t.upstream.bytesReceived());
                Long later = t.client.awaitEnd(Duration.ofSeconds(10));
                LOG.info("MEASURED after the client stopped pinging, nginx cut the tunnel {} ms later",
                        later == null ? "not within 10000" : Long.toString((later - stoppedAt) / 1_000_000));
            } else {
                LOG.info("MEASURED client-only pings every {} ms: tunnel cut after {} ms ({})",
                        PERIOD.toMillis(), (end - t.openedAt) / 1_000_000, t.client.ending());
            }
            assertTrue(t.upstream.bytesReceived() > 0, "the pings reached the upstream");
        }
    }

    /**
     * After a reload the old worker keeps serving the open tunnel (the server keeps it busy, so
     * the read timeout does not fire) until worker_shutdown_timeout (2 s here) tears it down.
     */
    @Test
    void reloadDrainsAnOpenTunnelUntilWorkerShutdownTimeout() throws Exception {
        try (Tunnel t = open()) {
            t.upstream.startSending(WebSocketWire.serverText("tick"), PERIOD);

            NginxReload reload = proxy.reload();
            long reloadedAt = System.nanoTime();
            Long end = t.client.awaitEnd(Duration.ofSeconds(10));
            t.upstream.stopSending();

            assertNotNull(end, "the tunnel outlived worker_shutdown_timeout "
                    + NginxTestSupport.FAST.workerShutdownTimeout().orElseThrow().toMillis() + " ms by 10 s");
            LOG.info("MEASURED reload with an open, busy tunnel: cut {} ms after the reload ({}), worker_shutdown_timeout {} ms",
                    (end - reloadedAt) / 1_000_000, t.client.ending(),
                    NginxTestSupport.FAST.workerShutdownTimeout().orElseThrow().toMillis());
            NginxTestSupport.awaitAllGone(List.copyOf(reload.oldWorkers()), Duration.ofSeconds(5));
        }
    }

    private Tunnel open() throws Exception {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        try {
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(WebSocketWire.upgradeRequest(proxy.port()));
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(10_000);
            String head = WebSocketWire.readHead(in);
            long openedAt = System.nanoTime();
            socket.setSoTimeout(0);
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            assertEquals(WebSocketWire.accept(WebSocketWire.KEY), WebSocketWire.header(head, "Sec-WebSocket-Accept"), head);
            TunnelEnd upstreamEnd = upstream.awaitTunnel(Duration.ofSeconds(5));
            String upstreamHead = upstream.heads().get(upstream.heads().size() - 1);
            assertEquals("upgrade", WebSocketWire.header(upstreamHead, "Connection"), upstreamHead);
            assertEquals("websocket", WebSocketWire.header(upstreamHead, "Upgrade"), upstreamHead);
            return new Tunnel(new TunnelEnd("client", socket, in), upstreamEnd, openedAt);
        } catch (Exception | AssertionError e) {
            socket.close();
            throw e;
        }
    }

    /** Both ends of one tunnel; openedAt is when the client read the 101, the last traffic before the quiet. */
    private static final class Tunnel implements AutoCloseable {
        final TunnelEnd client;
        final TunnelEnd upstream;
        final long openedAt;

        Tunnel(TunnelEnd client, TunnelEnd upstream, long openedAt) {
            this.client = client;
            this.upstream = upstream;
            this.openedAt = openedAt;
        }

        @Override
        public void close() throws IOException {
            try {
                client.close();
            } finally {
                upstream.close();
            }
        }
    }
}
