package io.wsbed.stack.okhttp;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.SendResult;
import java.nio.ByteBuffer;
import okhttp3.WebSocket;

/** Adapts one {@link okhttp3.WebSocket} to the runtime's {@link Connection}. */
final class OkHttpConnection implements Connection {
    private final WebSocket socket;

    OkHttpConnection(WebSocket socket) {
        this.socket = socket;
    }

    /**
     * OkHttp only enqueues the message: true means it was queued for the writer thread, false that
     * the socket has failed or a Close frame is already queued (or the 16 MiB queue is full).
     */
    @Override
    public void sendText(String text, SendResult result) {
        if (socket.send(text)) {
            result.ok();
        } else {
            result.returnedFalse();
        }
    }

    /**
     * Does nothing: OkHttp's public WebSocket API has no way to send a ping. Its pings come only
     * from {@code OkHttpClient.Builder.pingInterval}, which the heartbeat profile turns on.
     */
    @Override
    public void sendPing(ByteBuffer payload) {
    }

    /** Queues a Close frame; OkHttp returns false when it already failed or closed, which is fine. */
    @Override
    public void close(int code, String reason) {
        socket.close(code, reason);
    }

    /** Cancels the underlying call, which closes the TCP socket without a Close frame. */
    @Override
    public void abort() {
        socket.cancel();
    }
}
