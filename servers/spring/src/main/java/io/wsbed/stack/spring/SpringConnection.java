package io.wsbed.stack.spring;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.SendResult;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.tomcat.websocket.WsSession;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * Adapts one Spring {@link WebSocketSession} to the runtime's {@link Connection}; one instance per
 * session. Everything goes through Spring's {@link ConcurrentWebSocketSessionDecorator}, as an
 * application whose sends come from several threads (here the tick timer and the echo) must:
 * {@code WebSocketSession.sendMessage} is not thread-safe, and Tomcat under it refuses a second
 * message while one is being written.
 */
final class SpringConnection implements Connection {
    private final ConcurrentWebSocketSessionDecorator session;

    SpringConnection(ConcurrentWebSocketSessionDecorator session) {
        this.session = session;
    }

    /**
     * The blocking {@code sendMessage(TextMessage)}: its return is reported ok, an exception
     * propagates as "threw". The decorator returns normally in two cases that did not send: another
     * thread is sending (the message waits in its buffer and that thread sends it), and after this
     * side's {@code close} (it drops the message without a word).
     */
    @Override
    public void sendText(String text, SendResult result) throws IOException {
        session.sendMessage(new TextMessage(text));
        result.ok();
    }

    @Override
    public void sendPing(ByteBuffer payload) throws IOException {
        session.sendMessage(new PingMessage(payload));
    }

    @Override
    public void close(int code, String reason) throws IOException {
        session.close(new CloseStatus(code, reason));
    }

    /**
     * Spring has no abort; this reaches the Tomcat session under it and takes Tomcat's abnormal
     * close ({@code WsSession.doClose} with closeSocket): a Close frame tried for at most 50 ms, then
     * the socket closed without waiting for an answer.
     */
    @Override
    public void abort() {
        WebSocketSession last = session.getLastSession();
        if (last instanceof NativeWebSocketSession n && n.getNativeSession() instanceof WsSession ws) {
            CloseReason gone = new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "peer silent (heartbeat)");
            ws.doClose(gone, gone, true);
        } else {
            System.err.println("spring: no Tomcat session under " + last + "; closing with 1011 instead of aborting");
            try {
                session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException e) {
                System.err.println("spring: close failed: " + e);
            }
        }
    }
}
