package io.wsbed.stack.api;

/**
 * What a stack adapter tells the shared runtime about its sessions. Calls may come from any
 * thread; callbacks for a connection that never opened are ignored by the runtime.
 */
public interface ConnectionListener {

    /** The session is established (handshake completed). */
    void onOpen(Connection connection);

    /** A whole text message arrived. */
    void onText(Connection connection, String text);

    /** A pong frame arrived (solicited or not). */
    void onPong(Connection connection);

    /** The stack reported the close, with the code and reason it gave the application. */
    void onClose(Connection connection, int code, String reason);

    /** The stack reported an error to the application. */
    void onError(Connection connection, Throwable error);

    /**
     * The transport under an open session became known or changed (socket.io: "polling", then
     * "websocket" after an upgrade). Plain WebSocket stacks never call it.
     */
    default void onTransport(Connection connection, String name) {
    }
}
