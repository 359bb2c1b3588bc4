/**
 * Vert.x 5 core's WebSocket API behind the process contract, in both roles: an
 * {@code HttpServer} with a handshake handler and a {@code WebSocketClient}. Vert.x sends no
 * pings of its own; the heartbeat profile is its read-idle timeout plus {@code writePing}.
 */
package io.wsbed.stack.vertx;
