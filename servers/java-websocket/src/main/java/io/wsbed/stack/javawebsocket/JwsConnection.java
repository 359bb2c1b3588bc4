package io.wsbed.stack.javawebsocket;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.SendResult;
import java.nio.ByteBuffer;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;

/** Adapts one Java-WebSocket {@link WebSocket} (server or client side) to the runtime's {@link Connection}. */
final class JwsConnection implements Connection {
    private final WebSocket socket;

    JwsConnection(WebSocket socket) {
        this.socket = socket;
    }

    /**
     * {@code WebSocket.send(String)} only queues the frame for the selector (server) or the write
     * thread (client) and returns; it has no callback or future, so returning is its whole answer
     * (ok). On a socket that is not OPEN it throws {@code WebsocketNotConnectedException}, which
     * propagates as the contract asks (threw).
     */
    @Override
    public void sendText(String text, SendResult result) {
        socket.send(text);
        result.ok();
    }

    /** The library's own ping (empty payload, from {@code onPreparePing}); the payload is not needed. */
    @Override
    public void sendPing(ByteBuffer payload) {
        socket.sendPing();
    }

    @Override
    public void close(int code, String reason) {
        socket.close(code, reason);
    }

    /** {@code closeConnection} closes the TCP connection with no Close frame and reports 1006 locally. */
    @Override
    public void abort() {
        socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "wsbed: peer declared dead");
    }
}
