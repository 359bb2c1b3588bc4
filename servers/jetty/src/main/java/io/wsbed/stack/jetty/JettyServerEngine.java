package io.wsbed.stack.jetty;

import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.PollBuffer;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.ServerOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The server role: a Jetty {@link Server} with one {@link ServerConnector} and a
 * {@link WebSocketUpgradeHandler} as its only handler (no servlet, no context); a request that is
 * not an Upgrade falls through to a small handler that answers the polling fallback's
 * {@code GET /poll} and 404 otherwise.
 */
final class JettyServerEngine implements ServerEngine {
    private Server server;
    private volatile PollBuffer poll;

    @Override
    public boolean servesPoll() {
        return true;
    }

    @Override
    public void attachPoll(PollBuffer buffer) {
        this.poll = buffer;
    }

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
        upgrade.setHandler(new PollHandler());
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

    /** Plain HTTP on the WebSocket port: {@code GET /poll?since=N}, else 404. */
    private final class PollHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            PollBuffer buffer = poll;
            long since = PollBuffer.since(request.getHttpURI().getQuery());
            boolean isPoll = buffer != null && PollBuffer.PATH.equals(request.getHttpURI().getPath());
            int status = !isPoll ? 404 : !"GET".equals(request.getMethod()) ? 405 : since < 0 ? 400 : 200;
            String body = status == 200 ? buffer.body(since) : "{\"error\":" + status + "}";
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
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
