package io.wsbed.stack.tyrus;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * Tyrus's standalone Grizzly server container, bound to one host instead of every interface.
 *
 * <p>Tyrus's own {@code GrizzlyServerContainer} (what {@code org.glassfish.tyrus.server.Server}
 * starts) hard-codes {@code new NetworkListener("grizzly", "0.0.0.0", port)}: the host given to
 * {@code Server} only appears in a log line. wsbed processes must listen on loopback only, so this
 * container repeats that setup with the requested host, through the hook Tyrus keeps public for
 * exactly this ({@link WebSocketAddOn}, TYRUS-317): same engine, same filter, same worker-thread IO
 * strategy, same unlimited HTTP keep-alive.
 */
final class BoundGrizzlyContainer extends TyrusServerContainer {
    private final String host;
    private final WebSocketEngine engine;
    private volatile String contextPath;
    private volatile HttpServer http;
    private volatile NetworkListener listener;

    BoundGrizzlyContainer(String host) {
        super((Set<Class<?>>) null);
        this.host = host;
        this.engine = TyrusWebSocketEngine.builder(this).build();
    }

    @Override
    public void start(String rootPath, int port) throws IOException, DeploymentException {
        contextPath = rootPath;
        HttpServer server = new HttpServer();
        NetworkListener network = new NetworkListener("wsbed-tyrus", host, port);
        server.addListener(network);
        network.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
        // A WebSocket connection is idle only as the WebSocket session sees it, never as HTTP does.
        network.getKeepAlive().setIdleTimeoutInSeconds(-1);
        network.registerAddOn(new WebSocketAddOn(this, rootPath));
        http = server;
        listener = network;
        server.start();
        // Registers the endpoints added so far (TyrusServerContainer keeps them until start).
        super.start(rootPath, port);
    }

    /** The bound port once started (Grizzly reads it back from the socket), else -1. */
    @Override
    public int getPort() {
        NetworkListener network = listener;
        return network != null && network.getPort() > 0 ? network.getPort() : -1;
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
        HttpServer server = http;
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of();
    }
}
