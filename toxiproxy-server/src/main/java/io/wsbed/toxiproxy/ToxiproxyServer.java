package io.wsbed.toxiproxy;

import io.wsbed.toxiproxy.api.ApiServer;
import io.wsbed.toxiproxy.link.DataPlane;
import io.wsbed.toxiproxy.proxy.PopulateOutcome;
import io.wsbed.toxiproxy.proxy.ProxyRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running embedded Toxiproxy server: the HTTP API plus every proxy created through it, in this
 * JVM. Start it with one of the static factories; {@link #close()} stops the API, every listener,
 * every connection and every thread, and may be called more than once.
 */
public final class ToxiproxyServer implements AutoCloseable {
    /** The reference release whose API this server follows, tagged as ours. */
    public static final String VERSION = "2.12.0-wsbed";
    /** The reference's default API port. */
    public static final int DEFAULT_PORT = 8474;
    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final Duration THREAD_STOP_BOUND = Duration.ofSeconds(5);

    private final String host;
    private final DataPlane plane;
    private final ProxyRegistry registry;
    private final ApiServer api;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ToxiproxyServer(String host, DataPlane plane, ProxyRegistry registry, ApiServer api) {
        this.host = host;
        this.plane = plane;
        this.registry = registry;
        this.api = api;
    }

    /** Starts on 127.0.0.1 and a free port, with unseeded randomness. */
    public static ToxiproxyServer start() {
        return start(DEFAULT_HOST, 0, null);
    }

    /** Starts on {@code host:port} (port 0 = any free port), with unseeded randomness. */
    public static ToxiproxyServer start(String host, int port) {
        return start(host, port, null);
    }

    /**
     * Starts on {@code host:port}. With a non-null {@code seed}, toxicity draws, latency jitter and
     * slicer split points follow it (the reference ignores its -seed flag): the n-th connection
     * accepted by the server gets the same draws on every run.
     *
     * @throws UncheckedIOException when the API address cannot be bound
     */
    public static ToxiproxyServer start(String host, int port, Long seed) {
        DataPlane plane = new DataPlane(seed);
        ProxyRegistry registry = new ProxyRegistry(plane);
        try {
            ApiServer api = ApiServer.start(new InetSocketAddress(host, port), registry, VERSION);
            return new ToxiproxyServer(host, plane, registry, api);
        } catch (IOException e) {
            plane.close(Duration.ZERO);
            throw new UncheckedIOException("could not bind the Toxiproxy API on " + host + ":" + port
                    + " (" + e.getMessage() + "); choose another --port, or 0 for any free port", e);
        }
    }

    /** The API port actually bound. */
    public int port() {
        return api.port();
    }

    /** The base URL of the API, e.g. {@code http://127.0.0.1:8474}. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port();
    }

    public String version() {
        return VERSION;
    }

    /**
     * Creates proxies as POST /populate does (a JSON array of {@code {name, listen, upstream,
     * enabled?}}).
     *
     * @throws IllegalArgumentException naming the failure and the status the API would give
     */
    public void populate(byte[] json) {
        PopulateOutcome outcome;
        try {
            outcome = registry.populate(ApiServer.decodePopulate(json));
        } catch (io.wsbed.toxiproxy.proxy.ToxiproxyException e) {
            throw new IllegalArgumentException("[" + e.status() + "] " + e.getMessage(), e);
        }
        if (outcome.failure() != null) {
            throw new IllegalArgumentException("[" + outcome.failure().status() + "] " + outcome.failure().getMessage()
                    + " (after " + outcome.proxies().size() + " proxies)", outcome.failure());
        }
    }

    /** Names of data-path threads still running (empty once closed); for diagnostics and tests. */
    public List<String> liveThreads() {
        return plane.liveThreadNames();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        api.close();
        registry.close();
        List<String> stuck = plane.close(THREAD_STOP_BOUND);
        if (!stuck.isEmpty()) {
            System.getLogger(ToxiproxyServer.class.getName()).log(System.Logger.Level.WARNING,
                    "threads still running " + THREAD_STOP_BOUND.toMillis() + " ms after close: " + stuck);
        }
    }
}
