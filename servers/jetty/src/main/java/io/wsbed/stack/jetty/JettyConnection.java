package io.wsbed.stack.jetty;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.SendResult;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** Adapts one Jetty {@link Session} to the runtime's {@link Connection}. */
final class JettyConnection implements Connection {
    /** Set by the endpoint when Jetty opens the session, before the runtime hears of it. */
    private volatile Session session;

    void bind(Session session) {
        this.session = session;
    }

    /**
     * Jetty 12 has only the callback form; its outcome maps one to one: succeed to ok, fail to
     * failed. Anything the call throws propagates, as the contract asks.
     */
    @Override
    public void sendText(String text, SendResult result) {
        session.sendText(text, Callback.from(result::ok, result::failed));
    }

    @Override
    public void sendPing(ByteBuffer payload) {
        session.sendPing(payload, Callback.NOOP);
    }

    /** Answers a ping; a failure is ignored, as Jetty's own automatic pong does (output may be closed). */
    void pong(ByteBuffer payload) {
        session.sendPong(payload, Callback.NOOP);
    }

    @Override
    public void close(int code, String reason) {
        session.close(code, reason, Callback.NOOP);
    }

    /** {@code disconnect()} closes the TCP connection at once, with no Close frame. */
    @Override
    public void abort() {
        session.disconnect();
    }
}
