package io.wsbed.stack.javawebsocket;

import io.wsbed.stack.api.ConnectionListener;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One connection attempt: a {@link WebSocketClient} is one connection in Java-WebSocket (its own
 * read and write threads), so every attempt gets a new one. {@link #opened} completes on open and
 * fails when the attempt ends before it.
 */
final class JwsClient extends WebSocketClient {
    private final ConnectionListener listener;
    /** Told when this connection ended, so the engine stops holding it. */
    private final Consumer<JwsClient> onEnd;
    private final JwsConnection connection = new JwsConnection(this);
    final CompletableFuture<Void> opened = new CompletableFuture<>();

    JwsClient(URI uri, int connectTimeoutMs, ConnectionListener listener, Consumer<JwsClient> onEnd) {
        // The draft and headers the one-argument constructor would use; only the TCP connect bound is ours.
        super(uri, new Draft_6455(), null, connectTimeoutMs);
        this.listener = listener;
        this.onEnd = onEnd;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        opened.complete(null);
        listener.onOpen(connection);
    }

    @Override
    public void onMessage(String message) {
        listener.onText(connection, message);
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata f) {
        listener.onPong(connection);
    }

    /** Before the open, the close (code -1, "never connected") is the attempt's failure. */
    @Override
    public void onClose(int code, String reason, boolean remote) {
        onEnd.accept(this);
        if (opened.isDone() && !opened.isCompletedExceptionally()) {
            listener.onClose(connection, code, reason);
        } else {
            opened.completeExceptionally(new IOException("connection attempt ended with " + code + " " + reason));
        }
    }

    /** Before the open, the library reports the connect failure (refused, timed out) here first. */
    @Override
    public void onError(Exception ex) {
        if (!opened.completeExceptionally(ex)) {
            if (!opened.isCompletedExceptionally()) {
                listener.onError(connection, ex);
            }
        }
    }
}
