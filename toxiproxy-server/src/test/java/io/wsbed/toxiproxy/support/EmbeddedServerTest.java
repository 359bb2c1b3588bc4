package io.wsbed.toxiproxy.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.wsbed.toxiproxy.ToxiproxyServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of every test that drives the embedded server: a fresh server on a free loopback port and
 * a toxiproxy-java client per test; everything the test opens is closed afterwards, and the test
 * fails when a data-path thread outlives {@link ToxiproxyServer#close()}.
 */
public abstract class EmbeddedServerTest {
    /** The bound of every wait that should succeed quickly. */
    protected static final Duration WAIT = Duration.ofSeconds(5);

    private static final AtomicInteger NAMES = new AtomicInteger();

    protected ToxiproxyServer server;
    protected ToxiproxyClient client;
    protected RawHttp http;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** The seed for the server's random source; null for unseeded. */
    protected Long seed() {
        return null;
    }

    @BeforeEach
    void startServer() {
        server = ToxiproxyServer.start(ToxiproxyServer.DEFAULT_HOST, 0, seed());
        client = new ToxiproxyClient("127.0.0.1", server.port());
        http = new RawHttp(server.url());
    }

    @AfterEach
    void stopEverything() throws Exception {
        Exception first = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        server.close();
        List<String> left = server.liveThreads();
        assertEquals(List.of(), left, "data-path threads still running after ToxiproxyServer.close()");
        assertEquals(List.of(), serverThreadsAfter(Duration.ofSeconds(2)),
                "server threads (API, timers, closers) still alive 2 s after ToxiproxyServer.close()");
        if (first != null) {
            throw first;
        }
    }

    /** Every JVM thread of an embedded server still alive once {@code within} has passed. */
    private static List<String> serverThreadsAfter(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<String> alive = Thread.getAllStackTraces().keySet().stream()
                    .map(Thread::getName)
                    .filter(n -> n.startsWith("toxiproxy-") || n.startsWith("HTTP-Dispatcher"))
                    .sorted()
                    .toList();
            if (alive.isEmpty() || System.nanoTime() > deadline) {
                return alive;
            }
            Thread.sleep(20);
        }
    }

    /** Registers something to close after the test (last registered, first closed). */
    protected <T extends AutoCloseable> T use(T resource) {
        resources.push(resource);
        return resource;
    }

    protected Upstream echoUpstream() throws IOException {
        return use(Upstream.echo());
    }

    protected Upstream scriptedUpstream() throws IOException {
        return use(Upstream.scripted());
    }

    /** A proxy on 127.0.0.1 and a free port in front of {@code upstream}, with a unique name. */
    protected Proxy proxyTo(Upstream upstream) throws IOException {
        return client.createProxy("proxy-" + NAMES.incrementAndGet(), "127.0.0.1:0", upstream.address());
    }

    /** The port a proxy reports in its listen address. */
    protected static int port(Proxy proxy) {
        String listen = proxy.getListen();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    /** A client connection to the proxy, closed after the test. */
    protected Peer connect(Proxy proxy) throws IOException {
        return use(Peer.connect(port(proxy)));
    }

    /** Milliseconds since {@code startNanos}. */
    protected static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
