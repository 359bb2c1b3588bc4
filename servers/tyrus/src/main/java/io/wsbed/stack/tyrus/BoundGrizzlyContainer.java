package io.wsbed.stack.tyrus;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.nio.transport.TCPNIOServerConnection;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * Tyrus's standalone Grizzly server container, bound to one host and without the HTTP server shell.
 *
 * <p>Why not Tyrus's own {@code GrizzlyServerContainer} (what {@code org.glassfish.tyrus.server.Server}
 * starts): it hard-codes {@code new NetworkListener("grizzly", "0.0.0.0", port)}, so the host given
 * to {@code Server} only appears in a log line, and wsbed processes must listen on loopback only.
 *
 * <p>What is kept: Tyrus's WebSocket filter ({@link GrizzlyServerFilter}, which Tyrus keeps public
 * for alternative containers, TYRUS-317) behind Grizzly's HTTP codec on a TCP transport with the
 * worker-thread IO strategy, exactly the chain Tyrus's container builds for WebSocket traffic,
 * with HTTP keep-alive never timing out. What is left out: Grizzly's {@code HttpServer} around it
 * (idle-timeout filter switched off by Tyrus anyway, file cache, handler dispatch), which is
 * about a third of Grizzly's start-up time here and never sees an upgraded connection; plain HTTP
 * requests get a 404 from {@link NotFoundFilter} instead.
 */
final class BoundGrizzlyContainer extends TyrusServerContainer {
    private final String host;
    private final WebSocketEngine engine;
    private volatile String contextPath;
    private volatile TCPNIOTransport transport;
    private volatile int boundPort = -1;

    BoundGrizzlyContainer(String host) {
        super((Set<Class<?>>) null);
        this.host = host;
        this.engine = TyrusWebSocketEngine.builder(this).build();
    }

    @Override
    public void start(String rootPath, int port) throws IOException, DeploymentException {
        contextPath = rootPath;
        KeepAlive keepAlive = new KeepAlive();
        // A WebSocket connection is idle only as the WebSocket session sees it, never as HTTP does.
        keepAlive.setIdleTimeoutInSeconds(-1);
        FilterChainBuilder chain = FilterChainBuilder.stateless()
                .add(new TransportFilter())
                .add(new HttpServerFilter(true, HttpServerFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE, keepAlive, null))
                .add(new GrizzlyServerFilter(this, rootPath))
                .add(new NotFoundFilter());
        TCPNIOTransport tcp = TCPNIOTransportBuilder.newInstance()
                .setIOStrategy(WorkerThreadIOStrategy.getInstance())
                .build();
        tcp.setProcessor(chain.build());
        transport = tcp;
        TCPNIOServerConnection listening = tcp.bind(host, port);
        tcp.start();
        boundPort = ((InetSocketAddress) listening.getLocalAddress()).getPort();
        // Registers the endpoints added so far (TyrusServerContainer keeps them until start).
        super.start(rootPath, port);
    }

    /** The bound port once started (read back from the socket, so port 0 reports the real one), else -1. */
    @Override
    public int getPort() {
        return boundPort;
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, contextPath);
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }

    @Override
    public void stop() {
        // Releases Tyrus's executors (idle-timeout timers) first, then Grizzly's threads.
        super.stop();
        TCPNIOTransport tcp = transport;
        if (tcp != null) {
            try {
                tcp.shutdownNow();
            } catch (IOException e) {
                System.err.println("tyrus: Grizzly transport did not shut down cleanly: " + e);
            }
        }
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of();
    }
}
