package io.wsbed.stack.socketio;

import io.socket.client.Socket;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.SendResult;
import java.nio.ByteBuffer;

/**
 * One socket.io session (from one {@code connect} event to its {@code disconnect}) as the runtime
 * sees it. The application's handle is the {@link Socket}, which outlives a built-in reconnect:
 * a send on an ended session goes through that same socket, as it would in an application.
 */
final class SocketIoConnection implements Connection {
    static final String EVENT = "message";

    private final Socket socket;

    SocketIoConnection(Socket socket) {
        this.socket = socket;
    }

    /** {@code emit} only hands the packet to the library's event thread and returns the socket: no signal. */
    @Override
    public void sendText(String text, SendResult result) {
        socket.emit(EVENT, text);
        result.silent();
    }

    /** Does nothing: socket.io's pings come from the server, the client API cannot send one. */
    @Override
    public void sendPing(ByteBuffer payload) {
    }

    /**
     * socket.io has no close codes: {@code disconnect()} sends a DISCONNECT packet and ends the
     * session, and the code and reason of the command do not reach the wire.
     */
    @Override
    public void close(int code, String reason) {
        socket.disconnect();
    }

    /** The API has nothing rougher than {@code disconnect()}; only the portable heartbeat would call this, and it stays off. */
    @Override
    public void abort() {
        socket.disconnect();
    }
}
