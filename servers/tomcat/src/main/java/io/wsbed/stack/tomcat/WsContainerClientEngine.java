package io.wsbed.stack.tomcat;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.ClientTls;
import io.wsbed.stack.api.ConnectionListener;
import jakarta.websocket.ClientEndpointConfig;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.tomcat.websocket.Constants;
import org.apache.tomcat.websocket.WsWebSocketContainer;

/**
 * The client role on Tomcat's {@link WsWebSocketContainer}. Its {@code connectToServer} blocks
 * until the handshake is done, so each attempt runs on a small daemon thread of its own; Tomcat
 * bounds the TCP connect and the wait for the upgrade response with its IO_TIMEOUT_MS user
 * property, set to the contract's connect timeout (Tomcat's default is 5 s).
 */
final class WsContainerClientEngine implements ClientEngine {
    private WsWebSocketContainer container;
    private ExecutorService connectors;
    private ClientEndpointConfig config;

    @Override
    public void start(ClientOptions options) {
        WsWebSocketContainer c = new WsWebSocketContainer();
        if (options.idleTimeoutMs() != -1) {
            // Every client WsSession copies the container default (Tomcat's own is 0 = none).
            c.setDefaultMaxSessionIdleTimeout(options.idleTimeoutMs());
        }
        ClientEndpointConfig.Builder builder = ClientEndpointConfig.Builder.create();
        if (options.tls()) {
            // Without one, Tomcat builds a context on the javax.net.ssl trust store, not the JVM default.
            builder.sslContext(ClientTls.context(options));
        }
        ClientEndpointConfig cec = builder.build();
        // Tomcat reads this property as a String.
        cec.getUserProperties().put(Constants.IO_TIMEOUT_MS_PROPERTY, Long.toString(options.connectTimeoutMs()));
        config = cec;
        container = c;
        connectors = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "wsbed-tomcat-connect");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletableFuture<?> connect(URI uri, ConnectionListener listener) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        ListeningEndpoint endpoint = new ListeningEndpoint(listener);
        connectors.execute(() -> {
            try {
                // Tomcat calls the endpoint's onOpen before connectToServer returns.
                container.connectToServer(endpoint, config, uri);
                result.complete(null);
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Closes what is still open (Tomcat's destroy says 1001) and releases its channel group. */
    @Override
    public void close() {
        if (container != null) {
            container.destroy();
            container = null;
        }
        if (connectors != null) {
            connectors.shutdownNow();
            connectors = null;
        }
    }
}
