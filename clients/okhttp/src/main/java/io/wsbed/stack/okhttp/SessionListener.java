package io.wsbed.stack.okhttp;

import io.wsbed.stack.api.ConnectionListener;
import java.util.concurrent.CompletableFuture;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * Receives OkHttp's callbacks for one session and reports them to the runtime (the mapping is
 * described in the package documentation).
 */
final class SessionListener extends WebSocketListener {
    /** What OkHttp reports when the peer's Close frame carried no code; it may not be sent back. */
    private static final int NO_STATUS_CODE = 1005;
    private static final int NORMAL_CLOSURE = 1000;

    private final ConnectionListener listener;
    private final CompletableFuture<Void> opened;
    /** Set once the session was reported open; written by the reader thread, read by any. */
    private volatile OkHttpConnection connection;

    SessionListener(ConnectionListener listener, CompletableFuture<Void> opened) {
        this.listener = listener;
        this.opened = opened;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        OkHttpConnection c = new OkHttpConnection(webSocket);
        if (!opened.complete(null)) {
            // The attempt was already given up (its future failed and cancelled the call).
            return;
        }
        connection = c;
        listener.onOpen(c);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        OkHttpConnection c = connection;
        if (c != null) {
            listener.onText(c, text);
        }
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        // The contract's messages are text; binary frames are not part of it.
    }

    /**
     * The peer's Close frame arrived: this is when OkHttp first tells the application the code.
     * OkHttp does not answer a Close frame by itself, the application must, so it is echoed here as
     * RFC 6455 section 5.5.1 asks (a no-op when this side already sent its own).
     */
    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        OkHttpConnection c = connection;
        if (c != null) {
            listener.onClose(c, code, reason);
        }
        webSocket.close(code == NO_STATUS_CODE ? NORMAL_CLOSURE : code, null);
    }

    /** Both Close frames are through; the runtime already heard the code in onClosing. */
    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        OkHttpConnection c = connection;
        if (c == null) {
            // Refused, handshake rejected or timed out: the attempt failed before any session.
            opened.completeExceptionally(error);
        } else {
            listener.onError(c, error);
        }
    }
}
