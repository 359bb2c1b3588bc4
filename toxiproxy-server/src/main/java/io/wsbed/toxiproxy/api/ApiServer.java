package io.wsbed.toxiproxy.api;

import com.sun.net.httpserver.HttpServer;
import io.wsbed.toxiproxy.proxy.ProxyRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The HTTP API server: binds, routes every endpoint of the reference, and stops on close. */
public final class ApiServer implements AutoCloseable {
    /** API calls are short (no handler waits for data), so a few threads serve many clients. */
    private static final int HANDLER_THREADS = 4;

    static {
        // The JDK's server writes a response's header and body separately; with Nagle's algorithm
        // the body waits for the client's ACK of the header, which a delayed-ACK client sends only
        // about 40 ms later (issue 18). Go's sockets, the reference's, have TCP_NODELAY on. The JDK
        // reads this property once, when its server class is first used: this class is that user.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private ApiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds {@code address} and starts serving; throws when the address cannot be bound. */
    public static ApiServer start(InetSocketAddress address, ProxyRegistry registry, String version)
            throws IOException {
        HttpServer server = HttpServer.create(address, 128);
        ExecutorService executor = newExecutor();
        server.setExecutor(executor);
        server.createContext("/", new Router(routes(registry, version)));
        server.start();
        return new ApiServer(server, executor);
    }

    /**
     * Decodes a /populate body (a JSON array of {@code {name, listen, upstream, enabled?}}), for
     * loading a config file at start; 400-style {@link io.wsbed.toxiproxy.proxy.ToxiproxyException}
     * when it is malformed.
     */
    public static List<io.wsbed.toxiproxy.proxy.ProxySettings> decodePopulate(byte[] json) {
        return ProxyEndpoints.entries(json);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Router.Route> routes(ProxyRegistry registry, String version) {
        ProxyEndpoints proxies = new ProxyEndpoints(registry, version);
        ToxicEndpoints toxics = new ToxicEndpoints(registry);
        return List.of(
                Router.route("/version", Map.of("GET", proxies::version)),
                Router.route("/proxies", Map.of("GET", proxies::list, "POST", proxies::create)),
                Router.route("/populate", Map.of("POST", proxies::populate)),
                Router.route("/reset", Map.of("POST", proxies::reset)),
                Router.route("/proxies/{}", Map.of("GET", proxies::get, "POST", proxies::update,
                        "PATCH", proxies::update, "DELETE", proxies::delete)),
                Router.route("/proxies/{}/toxics", Map.of("GET", toxics::list, "POST", toxics::create)),
                Router.route("/proxies/{}/toxics/{}", Map.of("GET", toxics::get, "POST", toxics::update,
                        "PATCH", toxics::update, "DELETE", toxics::delete)));
    }

    private static ExecutorService newExecutor() {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(HANDLER_THREADS, HANDLER_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread t = new Thread(runnable, "toxiproxy-api-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
