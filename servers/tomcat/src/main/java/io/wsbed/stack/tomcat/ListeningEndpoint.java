package io.wsbed.stack.tomcat;

import io.wsbed.stack.api.ConnectionListener;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

/**
 * The programmatic Jakarta endpoint of both roles: turns Tomcat's callbacks for each session into
 * {@link ConnectionListener} calls with the session's own {@link SessionConnection}, kept in the
 * session's user properties (one endpoint instance serves every session).
 *
 * <p>Public because Tomcat's server instantiates or invokes the configured endpoint class through
 * the configurator, and the class must be accessible to it.
 */
public class ListeningEndpoint extends Endpoint {
    private static final String CONNECTION = SessionConnection.class.getName();

    private final ConnectionListener listener;

    ListeningEndpoint(ConnectionListener listener) {
        this.listener = listener;
    }

    /** Whether a session that just opened is reported; the client refuses one it gave up on. */
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
        // Anonymous classes, not lambdas: Tomcat finds a handler's message type from its generic
        // interface, which a lambda does not carry.
        session.addMessageHandler(new MessageHandler.Whole<String>() {
            @Override
            public void onMessage(String text) {
                listener.onText(connection, text);
            }
        });
        // A received ping gets its pong from Tomcat itself (WsFrameBase.processDataControl);
        // Jakarta has no callback for pings, so only pongs reach the runtime.
        session.addMessageHandler(new MessageHandler.Whole<PongMessage>() {
            @Override
            public void onMessage(PongMessage pong) {
                listener.onPong(connection);
            }
        });
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
            System.err.println("tomcat: error on a session that never opened: " + error);
        }
    }

    private static SessionConnection connectionOf(Session session) {
        return (SessionConnection) session.getUserProperties().get(CONNECTION);
    }
}
