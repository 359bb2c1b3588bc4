package io.wsbed.stack.api;

import java.nio.ByteBuffer;

/**
 * One WebSocket session as the stack adapter exposes it to the shared runtime. The adapter
 * creates exactly one instance per native session and passes that same instance to every
 * {@link ConnectionListener} call for the session.
 */
public interface Connection {

    /**
     * Sends one text message with the stack's idiomatic application API and reports how that API
     * answered through {@code result}. An exception the API throws synchronously must propagate:
     * the runtime records it as outcome {@code threw}.
     */
    void sendText(String text, SendResult result) throws Exception;

    /** Sends a ping frame (used by the portable heartbeat). */
    void sendPing(ByteBuffer payload) throws Exception;

    /** Starts the closing handshake with this code and reason. */
    void close(int code, String reason) throws Exception;

    /**
     * Drops the connection at once, without a closing handshake (the portable heartbeat uses this
     * after the peer went silent, where a handshake could never complete).
     */
    void abort();
}
