/**
 * The Java socket.io client ({@code io.socket:socket.io-client} 2.x) behind the process contract,
 * in the socket.io protocol family: it talks to socket.io 3.x/4.x servers only, never to a plain
 * WebSocket server.
 *
 * <p>The contract's messages travel as the socket.io event {@code message} whose one argument is
 * the JSON text ({@code {"seq":N}} out, {@code {"seq":N}} and {@code {"echo":N}} in). The socket's
 * events map onto the shared runtime as follows: {@code connect} is the open (each connect of the
 * same socket after a built-in reconnect is a new session); {@code disconnect} is the close, with
 * code -1 (socket.io has no close codes) and socket.io's reason ("io server disconnect",
 * "io client disconnect", "transport close", "transport error", "ping timeout"); a
 * {@code connect_error} before the first open fails the connection attempt. The Manager's
 * {@code transport} event says which engine.io transport carries the session ("polling", then
 * "websocket" after an upgrade).
 */
package io.wsbed.stack.socketio;
