package io.wsbed.stack.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.PemTrustOptions;
import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.ConnectionListener;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** The client role: one Vert.x {@link WebSocketClient}, one {@code connect} per attempt. */
final class VertxClientEngine implements ClientEngine {
    private Vertx vertx;
    private WebSocketClient client;
    private ClientOptions options;

    @Override
    public synchronized void start(ClientOptions options) {
        this.options = options;
        vertx = VertxRuntime.start();
        WebSocketClientOptions clientOptions = new WebSocketClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeoutMs()));
        VertxRuntime.idle(clientOptions, options.heartbeatTimeoutMs(), options.idleTimeoutMs());
        if (options.tls()) {
            // Vert.x keeps its own TLS configuration: trust --ca-file through its PEM trust
            // options (the JDK's trust store otherwise) and check the host name.
            clientOptions.setSsl(true).setVerifyHost(true);
            if (options.caFile() != null) {
                clientOptions.setTrustOptions(new PemTrustOptions().addCertPath(options.caFile().toString()));
            }
        }
        client = vertx.createWebSocketClient(clientOptions);
    }

    /** One attempt, bounded by {@code --connect-timeout-ms} (TCP connect and the whole handshake). */
    @Override
    public CompletableFuture<?> connect(URI uri, ConnectionListener listener) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        WebSocketConnectOptions connect = new WebSocketConnectOptions()
                .setHost(uri.getHost())
                .setPort(uri.getPort())
                .setURI(path)
                .setSsl(options.tls())
                .setTimeout(options.connectTimeoutMs());
        Vertx v = vertx;
        return client.connect(connect)
                .map(ws -> WebSocketConnection.attach(v, ws, listener, options.heartbeatMs()))
                .toCompletionStage()
                .toCompletableFuture();
    }

    /** Vert.x's read-idle timeout plus this engine's writePing timer (see {@link VertxStack#heartbeat()}). */
    @Override
    public boolean hasBuiltinHeartbeat() {
        return true;
    }

    @Override
    public synchronized void close() {
        VertxRuntime.stop(vertx);
        vertx = null;
        client = null;
    }
}
