package io.wsbed.stack.jetty;

import io.wsbed.stack.api.ConnectionListener;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The Jetty endpoint of one session: forwards Jetty's callbacks to the runtime, always with the same
 * {@link JettyConnection}. One instance per session, on both roles.
 *
 * <p>Public only because Jetty binds listener methods through {@code MethodHandles.publicLookup()}.
 * {@link Session.Listener.AutoDemanding} makes Jetty demand the next frame after each callback; a
 * plain listener would have to call {@code session.demand()} or stop reading, Close frames included.
 */
public final class JettyEndpoint implements Session.Listener.AutoDemanding {
    private final ConnectionListener listener;
    private final JettyConnection connection = new JettyConnection();

    JettyEndpoint(ConnectionListener listener) {
        this.listener = listener;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        connection.bind(session);
        listener.onOpen(connection);
    }

    @Override
    public void onWebSocketText(String message) {
        listener.onText(connection, message);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        listener.onPong(connection);
    }

    /**
     * A ping proves the peer is alive, so the runtime hears of it. Overriding this method switches
     * off Jetty's automatic pong (JettyWebSocketFrameHandler answers only when it is not overridden),
     * so the pong is sent here, with the ping's payload as RFC 6455 section 5.5.3 requires.
     */
    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        connection.pong(payload);
        listener.onPong(connection);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        listener.onError(connection, cause);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        try {
            listener.onClose(connection, statusCode, reason);
        } finally {
            // Jetty completes its side of the close only once this callback is done.
            callback.succeed();
        }
    }
}
