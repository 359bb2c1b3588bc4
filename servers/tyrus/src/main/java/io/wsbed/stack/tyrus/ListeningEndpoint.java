package io.wsbed.stack.tyrus;

import io.wsbed.stack.api.ConnectionListener;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

/**
 * The programmatic Jakarta endpoint of both roles: turns Tyrus's callbacks for every session it
 * serves into {@link ConnectionListener} calls, each with the session's own {@link
 * SessionConnection}. Tyrus uses one instance for all sessions of a programmatic endpoint (and the
 * client reuses it across built-in reconnects), so per-session state lives in the session's user
 * properties, never in fields.
 *
 * <p>Public because Tyrus's server invokes the lifecycle methods of a configured endpoint class
 * reflectively (it resolves the instance through the configurator per session), which fails with
 * IllegalAccessException on a package-private class.
 */
public class ListeningEndpoint extends Endpoint {
    private static final String CONNECTION = SessionConnection.class.getName();

    private final ConnectionListener listener;

    ListeningEndpoint(ConnectionListener listener) {
        this.listener = listener;
    }

    /**
     * Whether a session that just opened is reported; the client overrides this to refuse a
     * session whose connect attempt it already gave up on.
     */
    protected boolean admit(Session session) {
        return true;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        if (!admit(session)) {
            return;
        }
        SessionConnection connection = new SessionConnection(session);
        session.getUserProperties().put(CONNECTION, connection);
        // Class-typed registration: Tyrus cannot read the message type of a lambda's generics.
        session.addMessageHandler(String.class, text -> listener.onText(connection, text));
        // Pings get their pong from Tyrus itself (TyrusEndpointWrapper.onPing); Jakarta has no
        // callback for a received ping, so only pongs reach the runtime.
        session.addMessageHandler(PongMessage.class, pong -> listener.onPong(connection));
        listener.onOpen(connection);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        SessionConnection connection = connectionOf(session);
        if (connection != null) {
            listener.onClose(connection, reason.getCloseCode().getCode(), reason.getReasonPhrase());
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        SessionConnection connection = connectionOf(session);
        if (connection != null) {
            listener.onError(connection, error);
        } else {
            System.err.println("tyrus: error on a session that never opened: " + error);
        }
    }

    private static SessionConnection connectionOf(Session session) {
        return (SessionConnection) session.getUserProperties().get(CONNECTION);
    }
}
