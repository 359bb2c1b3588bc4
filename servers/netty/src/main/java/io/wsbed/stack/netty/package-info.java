/**
 * Netty 4.2 {@code codec-http} websocketx behind the process contract, in both roles: a
 * {@code ServerBootstrap} with {@code WebSocketServerProtocolHandler}, and a {@code Bootstrap}
 * with {@code WebSocketClientProtocolHandler}. The heartbeat profile is Netty's
 * {@code IdleStateHandler} plus Ping frames: Netty itself never pings.
 */
package io.wsbed.stack.netty;
