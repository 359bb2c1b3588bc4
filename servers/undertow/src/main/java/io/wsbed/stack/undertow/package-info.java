/**
 * Undertow's core WebSocket API ({@code io.undertow.websockets.core}, not the Jakarta
 * implementation) behind the process contract, in both roles: an {@code Undertow} server with a
 * {@code Handlers.websocket} handler, and the XNIO-based {@code WebSocketClient}.
 */
package io.wsbed.stack.undertow;
