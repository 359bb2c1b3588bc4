package io.wsbed.stack.spring;

import io.wsbed.stack.api.ConnectionListener;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The application's {@link TextWebSocketHandler}: wraps each new session in Spring's
 * {@link ConcurrentWebSocketSessionDecorator} and turns Spring's callbacks into
 * {@link ConnectionListener} calls with the session's own {@link SpringConnection}, kept in the
 * session's attributes (one handler instance serves every session).
 */
final class ListeningHandler extends TextWebSocketHandler {
    /**
     * The decorator's limits are the application's choice (Spring has no defaults for them); these
     * are the values of Spring's reference documentation example: a send may take 10 s and 512 KiB
     * may wait in the buffer before the decorator raises SessionLimitExceededException.
     */
    static final int SEND_TIME_LIMIT_MS = 10_000;
    static final int BUFFER_SIZE_LIMIT = 512 * 1024;

    private static final String CONNECTION = SpringConnection.class.getName();

    private final ConnectionListener listener;

    ListeningHandler(ConnectionListener listener) {
        this.listener = listener;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        SpringConnection connection = new SpringConnection(
                new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_SIZE_LIMIT));
        session.getAttributes().put(CONNECTION, connection);
        listener.onOpen(connection);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        SpringConnection c = connectionOf(session);
        if (c != null) {
            listener.onText(c, message.getPayload());
        }
    }

    /** A received ping is answered by Tomcat itself; Spring passes only pongs to the handler. */
    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        SpringConnection c = connectionOf(session);
        if (c != null) {
            listener.onPong(c);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable error) {
        SpringConnection c = connectionOf(session);
        if (c != null) {
            listener.onError(c, error);
        } else {
            System.err.println("spring: transport error on a session that never opened: " + error);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        SpringConnection c = connectionOf(session);
        if (c != null) {
            listener.onClose(c, status.getCode(), status.getReason());
        }
    }

    private static SpringConnection connectionOf(WebSocketSession session) {
        return (SpringConnection) session.getAttributes().get(CONNECTION);
    }
}
