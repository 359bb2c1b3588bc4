package io.wsbed.stack.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.ServerOptions;

/** The server role: a Vert.x {@link HttpServer} that accepts WebSocket handshakes at the contract's path. */
final class VertxServerEngine implements ServerEngine {
    private Vertx vertx;
    private HttpServer server;

    @Override
    public synchronized int start(ServerOptions options, ConnectionListener listener) throws Exception {
        vertx = VertxRuntime.start();
        HttpServerOptions httpOptions = new HttpServerOptions().setHost(options.host()).setPort(options.port());
        VertxRuntime.idle(httpOptions, options.heartbeatTimeoutMs(), options.idleTimeoutMs());
        Vertx v = vertx;
        server = vertx.createHttpServer(httpOptions)
                // Vert.x 5 decides at handshake time: any other path gets a 404 instead of an upgrade.
                .webSocketHandshakeHandler(handshake -> {
                    if (options.path().equals(handshake.path())) {
                        handshake.accept();
                    } else {
                        handshake.reject(404);
                    }
                })
                // Pings on the server come from the runtime's portable timer (ServerEngine cannot turn it off).
                .webSocketHandler(ws -> WebSocketConnection.attach(v, ws, listener, 0))
                .requestHandler(request -> request.response().setStatusCode(404).end());
        VertxRuntime.await(server.listen(), "HttpServer.listen");
        return server.actualPort();
    }

    @Override
    public synchronized void close() {
        // Closing Vertx closes its servers too.
        VertxRuntime.stop(vertx);
        vertx = null;
        server = null;
    }
}
