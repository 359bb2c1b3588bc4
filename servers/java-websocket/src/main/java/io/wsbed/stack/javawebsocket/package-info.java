/**
 * The Java-WebSocket stack (TooTallNate/Java-WebSocket): {@code WebSocketServer} and
 * {@code WebSocketClient} adapted to the wsbed process contract.
 */
package io.wsbed.stack.javawebsocket;
