package io.wsbed.stack.tyrus;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.SendResult;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Adapts one Tyrus {@link Session} to the runtime's {@link Connection}; one instance per session. */
final class SessionConnection implements Connection {
    private final Session session;
    private final TransportDrop transport;

    SessionConnection(Session session) {
        this.session = session;
        this.transport = TransportDrop.of(session);
    }

    /**
     * Sends with {@code getAsyncRemote().sendText(text, SendHandler)}, so that a send never blocks
     * the runtime's timer thread; the handler reports ok or failed. Nothing here catches: once Tyrus
     * marked the session closed, {@code getAsyncRemote()} throws IllegalStateException, and while
     * the socket is closing {@code sendText} throws RuntimeException("Socket is not connected.");
     * both must reach the runtime as outcome "threw".
     */
    @Override
    public void sendText(String text, SendResult result) {
        session.getAsyncRemote().sendText(text, sent -> {
            if (sent.isOK()) {
                result.ok();
            } else {
                result.failed(sent.getException());
            }
        });
    }

    /** Tyrus writes the ping without waiting for the write to finish. */
    @Override
    public void sendPing(ByteBuffer payload) throws IOException {
        session.getAsyncRemote().sendPing(payload);
    }

    /**
     * Starts the close with Tyrus's {@code Session.close}. Tyrus does not wait for the peer's Close
     * frame: it writes its own, reports the close to the endpoint at once and drops the connection.
     */
    @Override
    public void close(int code, String reason) throws IOException {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
    }

    @Override
    public void abort() {
        transport.drop();
    }
}
