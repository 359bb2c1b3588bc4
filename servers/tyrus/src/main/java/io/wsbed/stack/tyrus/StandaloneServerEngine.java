package io.wsbed.stack.tyrus;

import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.ServerOptions;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The server role: one programmatic endpoint at {@code options.path()} on Tyrus's standalone
 * Grizzly container (see {@link BoundGrizzlyContainer} for why not through {@code Server}).
 */
final class StandaloneServerEngine implements ServerEngine {
    /** Endpoint paths are absolute under the root context, as with Tyrus's {@code Server}. */
    private static final String ROOT_CONTEXT = "/";

    private BoundGrizzlyContainer container;

    @Override
    public int start(ServerOptions options, ConnectionListener listener) throws Exception {
        BoundGrizzlyContainer c = new BoundGrizzlyContainer(options.host());
        if (options.idleTimeoutMs() != -1) {
            // The container default: every TyrusSession copies it when it is created. Tyrus's own
            // default is 0 (no idle timeout); -1 leaves that untouched.
            c.setDefaultMaxSessionIdleTimeout(options.idleTimeoutMs());
        }
        ListeningEndpoint endpoint = new ListeningEndpoint(listener);
        c.addEndpoint(ServerEndpointConfig.Builder.create(ListeningEndpoint.class, options.path())
                .configurator(new SingletonConfigurator(endpoint))
                .build());
        container = c;
        // Grizzly binds port 0 to a free port and reads the real one back; no retry is needed.
        c.start(ROOT_CONTEXT, options.port());
        int port = c.getPort();
        if (port <= 0) {
            throw new IllegalStateException("Grizzly reported no bound port after start (got " + port + ")");
        }
        return port;
    }

    @Override
    public void close() {
        BoundGrizzlyContainer c = container;
        container = null;
        if (c != null) {
            c.stop();
        }
    }

    /** Hands Tyrus the one endpoint instance instead of letting it instantiate the class. */
    private static final class SingletonConfigurator extends ServerEndpointConfig.Configurator {
        private final ListeningEndpoint endpoint;

        SingletonConfigurator(ListeningEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(endpoint);
        }
    }
}
