/**
 * Jetty 12 behind the wsbed process contract, with Jetty's native WebSocket API (no servlets, no
 * Jakarta): a {@code WebSocketUpgradeHandler} server and a {@code WebSocketClient} client that share
 * one endpoint class and one connection adapter.
 */
package io.wsbed.stack.jetty;
