package io.wsbed.stack.jdk;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.ClientTls;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.SendResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Opens sessions with {@link HttpClient#newWebSocketBuilder()}. */
final class JdkClientEngine implements ClientEngine {
    private HttpClient http;
    private Duration connectTimeout;

    @Override
    public void start(ClientOptions options) {
        connectTimeout = Duration.ofMillis(options.connectTimeoutMs());
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
        if (options.tls()) {
            builder.sslContext(ClientTls.context(options));
        }
        http = builder.build();
        // The JDK client has no idle timeout, so --idle-timeout-ms has nothing to set.
    }

    @Override
    public CompletableFuture<?> connect(URI uri, ConnectionListener listener) {
        JdkConnection connection = new JdkConnection();
        return http.newWebSocketBuilder()
                .connectTimeout(connectTimeout)
                .buildAsync(uri, new Listener(connection, listener));
    }

    @Override
    public void close() {
        // HttpClient has no close() before Java 21; its threads are daemons.
    }

    /** Adapts one java.net.http WebSocket to the runtime's Connection. */
    private static final class JdkConnection implements Connection {
        private volatile WebSocket ws;

        @Override
        public void sendText(String text, SendResult result) {
            ws.sendText(text, true).whenComplete((w, error) -> {
                if (error == null) {
                    result.ok();
                } else {
                    result.failed(error);
                }
            });
        }

        @Override
        public void sendPing(ByteBuffer payload) {
            ws.sendPing(payload);
        }

        @Override
        public void close(int code, String reason) {
            ws.sendClose(code, reason);
        }

        @Override
        public void abort() {
            ws.abort();
        }
    }

    /** Receives the JDK callbacks; text may arrive in parts, so parts are joined. */
    private static final class Listener implements WebSocket.Listener {
        private final JdkConnection connection;
        private final ConnectionListener listener;
        private final StringBuilder partial = new StringBuilder();

        Listener(JdkConnection connection, ConnectionListener listener) {
            this.connection = connection;
            this.listener = listener;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            connection.ws = webSocket;
            listener.onOpen(connection);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                listener.onText(connection, text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            listener.onPong(connection);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            // The JDK answers pings itself; a ping still proves the peer is alive.
            listener.onPong(connection);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            listener.onClose(connection, statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            listener.onError(connection, error);
        }
    }
}
