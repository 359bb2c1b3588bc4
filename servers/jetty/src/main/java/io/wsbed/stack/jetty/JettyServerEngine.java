package io.wsbed.stack.jetty;

import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.ServerOptions;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The server role: a Jetty {@link Server} with one {@link ServerConnector} and a
 * {@link WebSocketUpgradeHandler} as its only handler (no servlet, no context).
 */
final class JettyServerEngine implements ServerEngine {
    private Server server;

    @Override
    public int start(ServerOptions options, ConnectionListener listener) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        // The configurator runs while the handler starts, once the container exists.
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container -> {
            configure(container, options);
            container.addMapping(options.path(), (request, response, callback) -> new JettyEndpoint(listener));
        });
        server.setHandler(upgrade);
        server.start();
        return connector.getLocalPort();
    }

    /**
     * Sets the WebSocket idle timeout only when asked: with -1 the sessions keep Jetty's default,
     * which is the connector's idle timeout (30 s) inherited through the EndPoint.
     */
    private static void configure(ServerWebSocketContainer container, ServerOptions options) {
        if (options.idleTimeoutMs() != -1) {
            container.setIdleTimeout(Duration.ofMillis(options.idleTimeoutMs()));
        }
    }

    @Override
    public void close() throws Exception {
        Server s = server;
        server = null;
        if (s != null) {
            s.stop();
        }
    }
}
